//! Web-page debris: navigation and share widgets, page counters, footers and
//! repost notices, plus stray short lines in the runs of debris at the top
//! and bottom of a page. Lines with figures ("新增停车泊位1万个") are never debris.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;
use super::text;

/// Words that make up site navigation and page widgets.
const UI_WORDS: &[&str] = &[
    "注册",
    "登录",
    "登陆",
    "退出",
    "首页",
    "返回",
    "返回顶部",
    "返回首页",
    "打印",
    "打印本页",
    "关闭",
    "关闭窗口",
    "分享",
    "分享到",
    "收藏",
    "笔记",
    "记笔记",
    "导出笔记",
    "复制",
    "问答",
    "搜索",
    "写下来",
    "官网原文",
    "筛选地域",
    "一级目录",
    "二级目录",
    "报告年份",
    "网站地图",
    "验证码",
    "上一篇",
    "下一篇",
    "字号",
    "大",
    "中",
    "小",
    "扫一扫",
    "微信",
    "微博",
    "评论",
    "点赞",
    "下载",
    "相关阅读",
    "相关链接",
    "热门推荐",
    "查看原文",
    "纠错",
];

/// Line openings of footers and notices.
const NOTICE_PREFIXES: &[&str] = &[
    "本文地址",
    "原文地址",
    "原文链接",
    "本文链接",
    "责任编辑",
    "版权所有",
    "版权声明",
    "免责声明",
    "留言与评论",
    "发表评论",
    "验证码",
    "网站地图",
    "Copyright",
    "copyright",
    "©",
];

/// Words that, next to "本站", mark a site notice.
const SITE_NOTICE_WORDS: &[&str] = &["转载", "立场", "版权", "声明"];

/// Longest line (chars) that can be a navigation or widget line.
const MAX_UI_LEN: usize = 40;
/// Longest stray line swept up in a debris run.
const MAX_STRAY_LEN: usize = 4;

/// Page counters: "0/0", "- 3 -", "第2页 共5页".
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d+\s*/\s*\d+|[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?|共\s*\d+\s*页)$")
        .expect("COUNTER is a valid regex")
});

/// Marks each line as debris (`true`) or not.
pub(crate) fn mark(lines: &[Line<'_>]) -> Vec<bool> {
    let mut debris: Vec<bool> = lines
        .iter()
        .map(|l| is_debris_line(l.text, l.len()))
        .collect();
    sweep_top(lines, &mut debris);
    sweep_bottom(lines, &mut debris);
    debris
}

/// True when the line on its own is debris.
pub(crate) fn is_debris_line(text: &str, len: usize) -> bool {
    let furniture =
        is_notice(text) || (len <= MAX_UI_LEN && (is_ui_line(text) || is_counter(text)));
    furniture && !text::has_number_with_unit(text)
}

/// Footers, repost and copyright notices.
fn is_notice(text: &str) -> bool {
    NOTICE_PREFIXES.iter().any(|p| text.starts_with(p))
        || (text.contains("本站") && SITE_NOTICE_WORDS.iter().any(|w| text.contains(w)))
}

/// Navigation and widget lines: "注册 | 登录", "官网原文 导出笔记 打印 分享", "笔记".
fn is_ui_line(text: &str) -> bool {
    if text::has_sentence_end(text) {
        return false;
    }
    if text.contains(['|', '｜']) {
        let mut parts = text.split(['|', '｜']).map(str::trim);
        return parts.all(|p| text::char_len(p) <= 10) && !text.starts_with(['|', '｜']);
    }
    text.split_whitespace().all(is_ui_word)
}

/// True when `token`, without brackets, is a widget word.
fn is_ui_word(token: &str) -> bool {
    let word = token.trim_matches(['[', ']', '【', '】', '(', ')', '（', '）']);
    UI_WORDS.contains(&word)
}

/// Page counters and numbers.
fn is_counter(text: &str) -> bool {
    COUNTER.is_match(text)
}

/// A short Han-only line that is debris when it sits in a debris run ("人大").
fn is_stray(line: &Line<'_>) -> bool {
    line.len() <= MAX_STRAY_LEN && text::all_han(line.text) && !line.text.starts_with("谢谢")
}

/// At the top, stray lines between two debris lines are debris too.
fn sweep_top(lines: &[Line<'_>], debris: &mut [bool]) {
    let mut pending = Vec::new();
    let mut seen_debris = false;
    for (i, line) in lines.iter().enumerate() {
        if debris.get(i).copied().unwrap_or(false) {
            if seen_debris {
                pending.iter().for_each(|&p| debris[p] = true);
            }
            pending.clear();
            seen_debris = true;
        } else if is_stray(line) {
            pending.push(i);
        } else {
            return;
        }
    }
}

/// At the bottom, stray lines after the last real line are debris.
fn sweep_bottom(lines: &[Line<'_>], debris: &mut [bool]) {
    for (line, flag) in lines.iter().zip(debris.iter_mut()).rev() {
        if *flag {
            continue;
        }
        if !is_stray(line) {
            return;
        }
        *flag = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::lines::split_lines;

    fn alone(text: &str) -> bool {
        is_debris_line(text, text.chars().count())
    }

    #[test]
    fn recognises_furniture() {
        for line in [
            "注册 | 登录",
            "筛选地域",
            "官网原文 导出笔记 打印 分享",
            "0/0",
            "记笔记",
            "本文地址:/baogao/huazhong/4725.html",
            "留言与评论(共有 条评论)",
            "验证码:",
            "网站地图",
            "本文仅代表作者观点,不代表本站立场。 凡注明为原创作品的,未经许可,不得转载",
        ] {
            assert!(alone(line), "{line}");
        }
    }

    #[test]
    fn keeps_content() {
        for line in [
            "新增停车泊位1万个以上",
            "一、总体要求",
            "各位代表:",
            "2021",
            "大力发展",
        ] {
            assert!(!alone(line), "{line}");
        }
    }

    #[test]
    fn sweeps_stray_lines_at_the_edges() {
        let text = "注册 | 登录\n栏目\n0/0\n标题\n正文内容。\n笔记\n人大\n";
        let lines = split_lines(text);
        let flags = mark(&lines);
        assert_eq!(flags, [true, true, true, false, false, true, true]);
    }
}
