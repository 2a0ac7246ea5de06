//! The UI's words in Chinese (the default) and English.

use serde::{Deserialize, Serialize};

use crate::annotations::{Colour, Status};
use crate::document::DecodeWarning;
use crate::error::LoadError;
use crate::files::SpecialFile;
use crate::indicators::{Category, Kind};
use crate::tracking::{ReportKind, TargetStatus};

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    /// 简体中文.
    #[default]
    Chinese,
    /// English.
    English,
}

/// A piece of UI text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    File,
    Open,
    OpenRecent,
    OpenSample,
    NoRecent,
    View,
    Outline,
    Indicators,
    ShowDebris,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    Theme,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    Language,
    Find,
    FindHint,
    NoMatches,
    Close,
    CannotOpen,
    Loading,
    Metric,
    Value,
    Unit,
    Qualifier,
    Kind,
    Category,
    Section,
    Period,
    Normalized,
    AllKinds,
    AllCategories,
    FilterHint,
    Encoding,
    Chars,
    NoOutline,
    Legend,
    Shown,
    Edit,
    Undo,
    Redo,
    ExportNotes,
    Notes,
    Note,
    NoteHint,
    Tags,
    TagHint,
    Suggested,
    Colour,
    Status,
    NoStatus,
    Copy,
    Annotation,
    DeleteAnnotation,
    Done,
    TrackTarget,
    OpenTracking,
    Tracks,
    Unplaced,
    AllColours,
    AllTags,
    AllStatuses,
    FilterNotesHint,
    NoNotes,
    Delete,
    NotesSavedIn,
    AppDataFolder,
    Unsaved,
    Saved,
    NoticeMerged,
    NoticeDiverted,
    NoticeRecovery,
    NoticeReanchored,
    NoticeSaveFailed,
    Exported,
    ExportFailed,
    Reader,
    Targets,
    Workspace,
    OpenFolder,
    AddReports,
    OpenWorkspace,
    SaveWorkspaceAs,
    NoWorkspace,
    Reports,
    ReportKind,
    Region,
    Issuer,
    Year,
    TargetValue,
    Source,
    Evidence,
    Completion,
    Confirm,
    Reject,
    AddLink,
    AllReports,
    ChartHint,
    PercentOfTarget,
    Chart,
    StatedShort,
    TargetsCount,
    SearchIndicators,
    OpeningReports,
    ExportTargets,
    WouldOverwriteSource,
    OutsideTitle,
    OutsideExplain,
    OpenAnyway,
    Cancel,
    NotesRescued,
    GoToPage,
    PageHint,
    Go,
    Page,
}

impl Language {
    /// The text for `key` in this language.
    pub fn t(self, key: Key) -> &'static str {
        let (zh, en) = words(key);
        match self {
            Self::Chinese => zh,
            Self::English => en,
        }
    }

    /// The name of the language in itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Chinese => "中文",
            Self::English => "English",
        }
    }

    /// The name of an indicator kind.
    pub fn kind(self, kind: Kind) -> &'static str {
        let (zh, en) = match kind {
            Kind::Target => ("目标", "target"),
            Kind::Actual => ("实际", "actual"),
            Kind::Growth => ("增速", "growth"),
            Kind::Completion => ("完成率", "completion"),
        };
        self.pick(zh, en)
    }

    /// The name of a category.
    pub fn category(self, category: Category) -> &'static str {
        let (zh, en) = match category {
            Category::Economy => ("经济", "economy"),
            Category::InvestmentAndProjects => ("投资与项目", "investment"),
            Category::InnovationAndTalent => ("创新与人才", "innovation"),
            Category::Industry => ("产业", "industry"),
            Category::UrbanConstruction => ("城市建设", "urban"),
            Category::Environment => ("生态环境", "environment"),
            Category::Livelihood => ("民生", "livelihood"),
            Category::Governance => ("治理", "governance"),
            Category::Other => ("其他", "other"),
        };
        self.pick(zh, en)
    }

    /// The name of a tracked target's status.
    pub fn status(self, status: Status) -> &'static str {
        self.pick(status.chinese(), status.english())
    }

    /// The name of a target's status.
    pub fn target_status(self, status: TargetStatus) -> &'static str {
        self.pick(status.chinese(), status.english())
    }

    /// The name of a report kind.
    pub fn report_kind(self, kind: ReportKind) -> &'static str {
        self.pick(kind.chinese(), kind.english())
    }

    /// The name of an annotation colour.
    pub fn colour(self, colour: Colour) -> &'static str {
        self.pick(colour.chinese(), colour.as_str())
    }

    /// A load error, naming the file, in this language.
    pub fn load_error(self, error: &LoadError) -> String {
        if self == Self::English {
            return error.to_string();
        }
        let reason = match error {
            LoadError::NotFound { .. } => "文件不存在".to_string(),
            LoadError::IsDirectory { .. } => "这是一个文件夹，不是报告文件".to_string(),
            LoadError::NotRegular { what, .. } => format!(
                "这是{}，不是普通文件；只读取普通文件（或以“-”指定的标准输入）",
                special_file_chinese(what)
            ),
            LoadError::Unreadable { source, .. } => format!("无法读取（{source}）"),
            LoadError::Empty { .. } => "文件是空的".to_string(),
            LoadError::TooLarge { size, limit, .. } => {
                format!("文件有 {size} 字节，超过 {limit} 字节的上限")
            }
            LoadError::Binary { what, .. } => format!("不是文本文件（{what}）"),
            LoadError::UndecidableEncoding {
                first_invalid_utf8, ..
            } => {
                let hint = first_invalid_utf8
                    .map(|at| {
                        format!(
                            "；按 UTF-8 读取，第一个无效字节在第 {} 字节（第 {} 行）",
                            at.byte, at.line
                        )
                    })
                    .unwrap_or_default();
                format!("无法识别文本编码（已尝试 UTF-8、UTF-16、GB18030 和 Big5）{hint}")
            }
            LoadError::Unsupported { what, .. } => {
                format!("无法读取此文件（{what}）；请另存为 .docx 或带文字的 PDF 后再打开")
            }
            LoadError::Encrypted { .. } => {
                "PDF 有密码保护；请另存一份无密码的副本（或打印为新的 PDF）后再打开".to_string()
            }
            LoadError::NoText { pages, .. } => format!(
                "PDF 的 {pages} 页上都没有文字（扫描件？）；本程序不做文字识别（OCR），请打开带文字的 PDF，或 .docx、文本格式的报告"
            ),
            LoadError::Damaged { format, reason, .. } => {
                format!("{format} 文件已损坏：{reason}")
            }
            LoadError::TooSlow {
                format, seconds, ..
            } => format!("读取 {format} 文件超过 {seconds} 秒，文件可能已损坏"),
        };
        format!("{}：{reason}", error_path(error))
    }

    /// What the reader should know about how a report was decoded.
    pub fn decode_warning(self, warning: &DecodeWarning) -> String {
        if self == Self::English {
            return format!("This report was not read exactly as written: {warning}");
        }
        let DecodeWarning::InvalidUtf8 { bytes, places } = warning;
        let listed: Vec<String> = places
            .iter()
            .take(5)
            .map(|p| format!("第 {} 字节（第 {} 行）", p.byte, p.line))
            .collect();
        let more = places.len().saturating_sub(listed.len());
        let more = if more > 0 {
            format!("等 {} 处", places.len())
        } else {
            String::new()
        };
        format!(
            "此报告未能完全按原样读取：{bytes} 个无效的 UTF-8 字节，位于{}{more}，显示为 �",
            listed.join("、")
        )
    }

    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Self::Chinese => zh,
            Self::English => en,
        }
    }
}

/// The Chinese name of a special file, as `read_regular` names it in English.
fn special_file_chinese(what: &SpecialFile) -> &'static str {
    match what {
        SpecialFile::Fifo => "命名管道（FIFO）",
        SpecialFile::CharDevice => "字符设备",
        SpecialFile::BlockDevice => "块设备",
        SpecialFile::Socket => "套接字",
        SpecialFile::Folder => "文件夹",
        SpecialFile::Other => "特殊文件",
    }
}

fn error_path(error: &LoadError) -> String {
    let path = match error {
        LoadError::NotFound { path }
        | LoadError::IsDirectory { path }
        | LoadError::NotRegular { path, .. }
        | LoadError::Unreadable { path, .. }
        | LoadError::Empty { path }
        | LoadError::TooLarge { path, .. }
        | LoadError::Binary { path, .. }
        | LoadError::UndecidableEncoding { path, .. }
        | LoadError::Unsupported { path, .. }
        | LoadError::Encrypted { path }
        | LoadError::NoText { path, .. }
        | LoadError::Damaged { path, .. }
        | LoadError::TooSlow { path, .. } => path,
    };
    path.display().to_string()
}

fn words(key: Key) -> (&'static str, &'static str) {
    match key {
        Key::File => ("文件", "File"),
        Key::Open => ("打开…", "Open…"),
        Key::OpenRecent => ("最近打开", "Open recent"),
        Key::OpenSample => ("打开示例报告", "Open sample report"),
        Key::NoRecent => ("（无）", "(none)"),
        Key::View => ("视图", "View"),
        Key::Outline => ("目录", "Outline"),
        Key::Indicators => ("指标", "Indicators"),
        Key::ShowDebris => ("显示网页杂项", "Show web debris"),
        Key::ZoomIn => ("放大", "Zoom in"),
        Key::ZoomOut => ("缩小", "Zoom out"),
        Key::ZoomReset => ("实际大小", "Actual size"),
        Key::Theme => ("主题", "Theme"),
        Key::ThemeSystem => ("跟随系统", "System"),
        Key::ThemeLight => ("浅色", "Light"),
        Key::ThemeDark => ("深色", "Dark"),
        Key::Language => ("语言", "Language"),
        Key::Find => ("查找", "Find"),
        Key::FindHint => ("查找文本", "Find text"),
        Key::NoMatches => ("无匹配", "No matches"),
        Key::Close => ("关闭", "Close"),
        Key::CannotOpen => ("无法打开文件", "Cannot open file"),
        Key::Loading => ("正在打开…", "Opening…"),
        Key::Metric => ("指标名称", "Metric"),
        Key::Value => ("数值", "Value"),
        Key::Unit => ("单位", "Unit"),
        Key::Qualifier => ("限定", "Qualifier"),
        Key::Kind => ("类型", "Kind"),
        Key::Category => ("类别", "Category"),
        Key::Section => ("章节", "Section"),
        Key::Period => ("时期", "Period"),
        Key::Normalized => ("标准值", "Normalised"),
        Key::AllKinds => ("全部类型", "All kinds"),
        Key::AllCategories => ("全部类别", "All categories"),
        Key::FilterHint => ("筛选指标", "Filter indicators"),
        Key::Encoding => ("编码", "Encoding"),
        Key::Chars => ("字符", "chars"),
        Key::NoOutline => ("（无标题）", "(no headings)"),
        Key::Legend => ("图例", "Legend"),
        Key::Shown => ("显示", "shown"),
        Key::Edit => ("编辑", "Edit"),
        Key::Undo => ("撤销", "Undo"),
        Key::Redo => ("重做", "Redo"),
        Key::ExportNotes => ("导出批注", "Export notes"),
        Key::Notes => ("批注", "Notes"),
        Key::Note => ("笔记", "Note"),
        Key::NoteHint => ("写下笔记…", "Write a note…"),
        Key::Tags => ("标签", "Tags"),
        Key::TagHint => ("添加标签，回车确认", "Add a tag, Enter to confirm"),
        Key::Suggested => ("建议", "Suggested"),
        Key::Colour => ("颜色", "Colour"),
        Key::Status => ("状态", "Status"),
        Key::NoStatus => ("（无）", "(none)"),
        Key::Copy => ("复制", "Copy"),
        Key::Annotation => ("批注", "Annotation"),
        Key::DeleteAnnotation => ("删除批注", "Delete annotation"),
        Key::Done => ("完成", "Done"),
        Key::TrackTarget => ("跟踪此目标", "Track this target"),
        Key::OpenTracking => ("打开跟踪批注", "Open tracking note"),
        Key::Tracks => ("跟踪指标", "Tracks"),
        Key::Unplaced => ("未能定位", "Could not be placed"),
        Key::AllColours => ("全部颜色", "All colours"),
        Key::AllTags => ("全部标签", "All tags"),
        Key::AllStatuses => ("全部状态", "All statuses"),
        Key::FilterNotesHint => ("筛选批注", "Filter notes"),
        Key::NoNotes => ("还没有批注。在正文中拖选文字，按 1–5 高亮，N 写笔记，T 加标签。", "No notes yet. Drag across the text to select, then press 1–5 to highlight, N for a note, T for tags."),
        Key::Delete => ("删除", "Delete"),
        Key::NotesSavedIn => ("批注保存在", "Notes saved in"),
        Key::AppDataFolder => ("应用数据目录", "the app data folder"),
        Key::Unsaved => ("未保存", "unsaved"),
        Key::Saved => ("已保存", "saved"),
        Key::NoticeMerged => ("批注文件被其他程序修改过，已与当前批注合并。", "The notes file was changed by another program; its changes were merged with yours."),
        Key::NoticeDiverted => ("批注文件无法使用，已原样保留", "The notes file cannot be used and was left untouched"),
        Key::NoticeRecovery => ("新的批注保存在恢复文件", "new notes are saved to the recovery file"),
        Key::NoticeReanchored => ("报告内容已变化，批注已重新定位", "The report changed since the notes were made; they were re-anchored"),
        Key::NoticeSaveFailed => ("批注保存失败，将自动重试", "Saving the notes failed; retrying"),
        Key::Exported => ("已导出", "Exported"),
        Key::ExportFailed => ("导出失败", "Export failed"),
        Key::Reader => ("阅读", "Reader"),
        Key::Targets => ("目标跟踪", "Targets"),
        Key::Workspace => ("工作区", "Workspace"),
        Key::OpenFolder => ("打开文件夹为工作区…", "Open folder as workspace…"),
        Key::AddReports => ("添加报告到工作区…", "Add reports to workspace…"),
        Key::OpenWorkspace => ("打开工作区文件…", "Open workspace file…"),
        Key::SaveWorkspaceAs => ("工作区另存为…", "Save workspace as…"),
        Key::NoWorkspace => ("还没有工作区。用“文件 > 打开文件夹为工作区…”或“添加报告到工作区…”把计划、执行情况报告和次年的工作报告放在一起，即可跟踪每个目标的完成情况。", "No workspace yet. Use File > Open folder as workspace… or Add reports to workspace… to read a plan with its execution report and the next year's work report, and follow each target."),
        Key::Reports => ("报告", "Reports"),
        Key::ReportKind => ("报告类型", "Report kind"),
        Key::Region => ("地区", "Region"),
        Key::Issuer => ("发布机构", "Issuer"),
        Key::Year => ("年份", "Year"),
        Key::TargetValue => ("目标", "Target"),
        Key::Source => ("来源", "Source"),
        Key::Evidence => ("实际与证据", "Reported figures"),
        Key::Completion => ("完成度", "Completion"),
        Key::Confirm => ("确认", "Confirm"),
        Key::Reject => ("否决", "Reject"),
        Key::AddLink => ("添加关联", "Add link"),
        Key::AllReports => ("全部报告", "All reports"),
        Key::ChartHint => (
            "实际占目标的百分比；勾选左侧方框选择要比较的目标（未勾选时显示前几个可比目标）",
            "Actual as a share of target; tick rows to choose them (the first comparable rows otherwise)",
        ),
        Key::PercentOfTarget => ("占目标 %", "% of target"),
        Key::Chart => ("图", "Chart"),
        Key::StatedShort => ("报告所述", "stated"),
        Key::TargetsCount => ("个目标", "targets"),
        Key::SearchIndicators => ("查找指标", "Search indicators"),
        Key::OpeningReports => ("正在打开工作区报告…", "Opening workspace reports…"),
        Key::ExportTargets => ("导出目标表", "Export targets"),
        Key::WouldOverwriteSource => (
            "不能写到报告或其批注文件上，请换一个文件名",
            "that is the report or its notes file; choose another name",
        ),
        Key::OutsideTitle => ("工作区引用了其文件夹以外的文件", "The workspace names files outside its folder"),
        Key::OutsideExplain => ("这个工作区文件要读取它所在文件夹以外的下列报告。只有在你信任这个工作区文件的来源时才打开它们。", "This workspace file asks to read the reports below, which lie outside its folder. Open them only if you trust where the workspace file came from."),
        Key::OpenAnyway => ("仍然打开", "Open anyway"),
        Key::Cancel => ("取消", "Cancel"),
        Key::NotesRescued => (
            "批注无法保存到原位置，已另存到",
            "The notes could not be saved where they belong; they were saved to",
        ),
        Key::GoToPage => ("转到页…", "Go to page…"),
        Key::PageHint => ("页码", "Page number"),
        Key::Go => ("转到", "Go"),
        Key::Page => ("页码", "Page"),
    }
}
