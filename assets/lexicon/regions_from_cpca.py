"""Builds regions.tsv, the gazetteer of China's administrative divisions, from the
adcodes table shipped in the PyPI package cpca (MIT licence).

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca
    unzip -o -q /tmp/cpca/cpca-0.5.5-py3-none-any.whl -d /tmp/cpca
    python3 assets/lexicon/regions_from_cpca.py /tmp/cpca/cpca/resources/adcodes.csv > assets/lexicon/regions.tsv

Output: one unit per line, `code<TAB>name<TAB>level<TAB>parent<TAB>short forms`, sorted by code.
"""

import csv
import sys

# The one-character abbreviations (简称) of the province-level units, by the first two
# digits of the code. They are not in cpca; this is the official list.
ABBREVIATIONS = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙", "21": "辽", "22": "吉",
    "23": "黑", "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣",
    "37": "鲁", "41": "豫", "42": "鄂", "43": "湘", "44": "粤", "45": "桂", "46": "琼",
    "50": "渝", "51": "川", "52": "黔", "53": "滇", "54": "藏", "61": "陕", "62": "甘",
    "63": "青", "64": "宁", "65": "新", "71": "台", "81": "港", "82": "澳",
}
# Placeholders of the table that are not places.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
PROVINCE_SUFFIXES = ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"]


def province_short(code, name):
    stem = next((name[: -len(s)] for s in PROVINCE_SUFFIXES if name.endswith(s)), name)
    return [stem, ABBREVIATIONS[code[:2]]]


def city_short(name):
    stem = name[:-1] if name.endswith("市") else ""
    return [stem] if len(stem) >= 2 else []


def main(path):
    rows = {}
    for row in csv.DictReader(open(path, encoding="utf-8")):
        code, name = row["adcode"][:6], row["name"].strip()
        if name not in PLACEHOLDERS:
            rows[code] = name
    for code in sorted(rows):
        name = rows[code]
        province = code[:2] + "0000"
        city = code[:4] + "00"
        if code == province:
            level, parent, short = "province", "", province_short(code, name)
        elif code == city:
            level, parent, short = "city", province, city_short(name)
        else:
            level = "county"
            parent = city if city in rows else province
            short = []
        print("\t".join([code, name, level, parent, ",".join(short)]))


if __name__ == "__main__":
    main(sys.argv[1])
