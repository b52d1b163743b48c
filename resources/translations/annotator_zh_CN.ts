<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../annotator/gui/dashboard.py" line="+80"/>
        <source>Nothing yet</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location line="+34"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Labels of accepted spans (done pages)</source>
        <translation>已接受标注的标签(已完成页面)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles of article paragraphs (done pages)</source>
        <translation>文章段落的角色(已完成页面)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages by status</source>
        <translation>各状态页面数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spans per hour by reviewer</source>
        <translation>各审校人每小时标注数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reviewer</source>
        <translation>审校人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages done</source>
        <translation>完成页数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages/hour</source>
        <translation>页/小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spans/hour</source>
        <translation>标注/小时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Imported from files (not counted as reviewing): {spans} spans on {pages} pages</source>
        <translation>从文件导入(不计入审阅):{pages} 页上的 {spans} 个标注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{pages} pages, {done} done; {articles} articles</source>
        <translation>共 {pages} 页,已完成 {done} 页;{articles} 篇文章</translation>
    </message>
</context>
<context>
    <name>EditRunner</name>
    <message>
        <location filename="../../annotator/gui/runner.py" line="+152"/>
        <source>Not applied: the previous edit is still waiting for the database, which another program holds. Press the key again once it is saved.</source>
        <translation>未执行：上一次修改仍在等待数据库（另一个程序正占用它）。保存后请再按一次该键。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Not done: the page changed elsewhere (another window, or new suggestions after learning) just before the key, and it no longer applies ({reason}). The page now shows the change.</source>
        <translation>未执行：就在按键之前，此页在别处被修改（另一个窗口，或学习后的新建议），该操作已不适用（{reason}）。页面现已显示修改后的内容。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not saved: the database refused the edit ({error})</source>
        <translation>未保存：数据库拒绝了这次修改（{error}）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Waiting for the database: another program holds it. The edit is saved as soon as it is free…</source>
        <translation>正在等待数据库：另一个程序正占用它。数据库一空闲，修改就会保存…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved: another program kept the database locked for {seconds} s, so the edit was not applied. Close the other program and try again.</source>
        <translation>未保存：另一个程序锁定数据库已达 {seconds} 秒，修改未执行。请关闭该程序后重试。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="+61"/>
        <location line="+115"/>
        <source>Export gold data</source>
        <translation>导出金标准数据</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep one copy of duplicate articles</source>
        <translation>重复文章只保留一份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split by page into train/dev/test files (a folder)</source>
        <translation>按页划分为训练/开发/测试文件(写入文件夹)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label Studio: spans as predictions (pre-annotations to review)</source>
        <translation>Label Studio:标注作为预测(供复核的预标注)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label Studio: add the open suggestions as predictions</source>
        <translation>Label Studio:把未处理的建议作为预测一并导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sentence</source>
        <translation>句</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article</source>
        <translation>篇文章</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>all; or comma-separated: {names}</source>
        <translation>全部;或用逗号分隔:{names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Format:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to:</source>
        <translation>保存到:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../annotator/gui/workers.py" line="+156"/>
        <source>Pages with status:</source>
        <translation>页面状态:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/workers.py" line="+1"/>
        <source>Reviewers:</source>
        <translation>审阅人:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/workers.py" line="+2"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/workers.py" line="-1"/>
        <source>Papers:</source>
        <translation>报纸:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/workers.py" line="+2"/>
        <source>Page ids matching:</source>
        <translation>页面编号匹配:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/workers.py" line="+1"/>
        <source>Edited since:</source>
        <translation>编辑时间不早于:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/workers.py" line="+1"/>
        <source>Edited until:</source>
        <translation>编辑时间不晚于:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ratios:</source>
        <translation>比例:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>随机种子:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BIO/BIOES: one sequence per</source>
        <translation>BIO/BIOES:每个序列为一</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose at least one page status.</source>
        <translation>请至少选择一种页面状态。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出文件的保存位置。</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <location filename="../../annotator/gui/review.py" line="+517"/>
        <source>Figure value and unit</source>
        <translation>数值与单位</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“{text}” is not a number. Enter the value in digits (7200000 or 7.2e6), or leave it empty for no value.</source>
        <translation>“{text}”不是数字。请用数字输入数值（7200000 或 7.2e6），或留空表示没有数值。</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../annotator/gui/palette.py" line="+32"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{description} (key {key})</source>
        <translation>{description}（按键 {key}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+169"/>
        <source>{name} — Annotator</source>
        <translation>{name} — Annotator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Nothing to redo on this page.</source>
        <translation>此页面没有可重做的操作。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to undo on this page: each page keeps its own undo history. Your last edit is on page {page}; open it to undo it there.</source>
        <translation>此页面没有可撤销的操作：每个页面有各自的撤销历史。您的上一次编辑在页面 {page}；打开该页面即可在那里撤销。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to undo on this page.</source>
        <translation>此页面没有可撤销的操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>No page after this one is found by “{search}”.</source>
        <translation>此页之后没有搜索“{search}”找到的页面。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No page before this one is found by “{search}”.</source>
        <translation>此页之前没有搜索“{search}”找到的页面。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the last page found by “{search}”.</source>
        <translation>这是搜索“{search}”找到的最后一页。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the first page found by “{search}”.</source>
        <translation>这是搜索“{search}”找到的第一页。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the last page.</source>
        <translation>这是最后一页。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This is the first page.</source>
        <translation>这是第一页。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No page found by “{search}”: its text or id holds none.</source>
        <translation>搜索“{search}”没有找到页面：没有页面的文字或编号包含它。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Every page found by “{search}” is done or skipped.</source>
        <translation>搜索“{search}”找到的页面已全部完成或跳过。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every page is done or skipped.</source>
        <translation>所有页面都已完成或跳过。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No page found by “{search}” has suggestions of the learnt model: this is the next page found, in order.</source>
        <translation>搜索“{search}”找到的页面都没有学习模型的建议：这是按顺序找到的下一页。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No page has suggestions of the learnt model yet (it learns after every {n} done pages): this is the next page in order.</source>
        <translation>还没有页面带有学习模型的建议（每完成 {n} 个页面学习一次）：这是按顺序的下一页。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{what} (page {page})</source>
        <translation>{what}（页面 {page}）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Page {page} is done with no article on it (page furniture only): an export gives it no record. Ctrl+Z undoes that.</source>
        <translation>页面 {page} 已完成，但其上没有任何文章（只有版面杂项）：导出不会为它生成记录。Ctrl+Z 可撤销此步。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Flag the page</source>
        <translation>标记存疑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is wrong with this page?</source>
        <translation>这一页有什么问题？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Learnt {time}</source>
        <translation>已学习 {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {time}</source>
        <translation>已于 {time} 保存</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Search index not updated: {error}</source>
        <translation>搜索索引未更新：{error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Indexing pages for search: {n} left</source>
        <translation>正在为搜索建立索引：还剩 {n} 页</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Search index up to date</source>
        <translation>搜索索引已是最新</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>No search to step through: Ctrl+F searches the pages.</source>
        <translation>没有可逐个查看的搜索：按 Ctrl+F 搜索页面。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{search}” is not in this page&apos;s text (Ctrl+PgDown: the next page found).</source>
        <translation>本页文字中没有“{search}”（Ctrl+PgDown：找到的下一页）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hit {n} of {count} of “{search}” on this page, round again.</source>
        <translation>本页“{search}”的第 {n} 处命中，共 {count} 处，已从头再来。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hit {n} of {count} of “{search}” on this page.</source>
        <translation>本页“{search}”的第 {n} 处命中，共 {count} 处。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back on page {page} to undo: {what}.</source>
        <translation>回到页面 {page} 撤销：{what}。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reviewer: {name}</source>
        <translation>审校人：{name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{total} pages</source>
        <translation>共 {total} 页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Match {n} of {count}</source>
        <translation>第 {n} 个匹配，共 {count} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not among the {count} matches</source>
        <translation>不在 {count} 个匹配之中</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>{where} · page {n} of {total}</source>
        <translation>{where} · 第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>List: {n} of {count}</source>
        <translation>列表第 {n} 页，共 {count} 页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the list of {count}</source>
        <translation>不在列表的 {count} 页之中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Done: {done} of {total}</source>
        <translation>已完成：{done} / {total}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Import page files</source>
        <translation>导入页面文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page text (*.txt *.md);;All files (*)</source>
        <translation>页面文本 (*.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a folder of pages</source>
        <translation>导入页面文件夹</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Gold JSONL (*.jsonl)</source>
        <translation>金标准 JSONL (*.jsonl)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON array (*.json)</source>
        <translation>JSON 数组 (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No pages yet</source>
        <translation>还没有页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database has no pages. Load the bundled sample pages to try Annotator?</source>
        <translation>这个数据库里还没有页面。要载入附带的示例页面试用吗？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The new language applies the next time Annotator starts.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another program still holds the database, so the last edit was not saved. Everything before it is saved.</source>
        <translation>另一个程序仍占用数据库，最后一次修改未能保存。之前的所有修改都已保存。</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../annotator/gui/outline.py" line="+127"/>
        <source>Article / role</source>
        <translation>文章 / 段落类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not in an article</source>
        <translation>不属于任何文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article {n}</source>
        <translation>文章 {n}</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location line="+158"/>
        <source>Article 00</source>
        <translation>文章 00</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in an article</source>
        <translation>不属于任何文章</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Spans outside articles ({n})</source>
        <translation>文章之外的标注（{n}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spans of article {n}: {total}, {open} to review</source>
        <translation>文章 {n} 的标注：{total} 个，待审 {open} 个</translation>
    </message>
</context>
<context>
    <name>PageListModel</name>
    <message>
        <location filename="../../annotator/gui/page_list_model.py" line="+236"/>
        <source>{page}: {status}, {articles} articles, {spans} accepted, {suggested} suggested</source>
        <translation>{page}：{status}，{articles} 篇文章，已接受 {spans} 个标注，{suggested} 个建议</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review status</source>
        <translation>审校状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page id (file name)</source>
        <translation>页面编号（文件名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of articles</source>
        <translation>文章篇数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted spans / open suggestions</source>
        <translation>已接受的标注 / 待处理的建议</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>存疑</translation>
    </message>
</context>
<context>
    <name>PageListPanel</name>
    <message>
        <location filename="../../annotator/gui/page_list.py" line="+125"/>
        <source>Show pages of one review status</source>
        <translation>只显示某一审校状态的页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search page text or id…</source>
        <translation>搜索页面文字或编号…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full-text search over every page; Return opens the first page found, Down moves to the list, Escape goes back to the page</source>
        <translation>在所有页面中全文搜索；按回车键打开找到的第一个页面，按 ↓ 键转到列表，按 Esc 键返回页面</translation>
    </message>
    <message>
        <location line="+249"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>存疑</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../annotator/gui/page_view/view.py" line="+541"/>
        <source>{label}: {text}</source>
        <translation>{label}：{text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status: {status} · origin: {origin}</source>
        <translation>状态：{status} · 来源：{origin}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>attributes: {attrs}</source>
        <translation>属性：{attrs}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Article {n}</source>
        <translation>文章 {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in an article</source>
        <translation>不属于任何文章</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Joined to the previous paragraph</source>
        <translation>接续上一段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Doubtful {decision} decision (confidence {value:.2f})</source>
        <translation>{decision}判断存疑（置信度 {value:.2f}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subheadline</source>
        <translation>副题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intertitle</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>kicker</source>
        <comment>margin tag</comment>
        <translation>引题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>headline</source>
        <comment>margin tag</comment>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subhead</source>
        <comment>margin tag</comment>
        <translation>副题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>byline</source>
        <comment>margin tag</comment>
        <translation>署名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>body</source>
        <comment>margin tag</comment>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intertitle</source>
        <comment>margin tag</comment>
        <translation>小标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>caption</source>
        <comment>margin tag</comment>
        <translation>图说</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <comment>margin tag</comment>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>role</source>
        <translation>段落类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article boundary</source>
        <translation>文章分界</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paragraph join</source>
        <translation>段落接续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paragraph split</source>
        <translation>段落拆分</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../annotator/gui/preferences.py" line="+39"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The window backs the database up every 30 minutes of editing and when it closes, into the backups folder beside it; the oldest backups beyond this number are removed.</source>
        <translation>编辑期间每 30 分钟以及关闭窗口时，程序会把数据库备份到其旁边的 backups 文件夹；超出此数量的最旧备份会被删除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new language applies the next time Annotator starts.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reviewer name:</source>
        <translation>审校人姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups kept:</source>
        <translation>保留的备份数：</translation>
    </message>
</context>
<context>
    <name>Retrainer</name>
    <message>
        <location filename="../../annotator/gui/retrain.py" line="+123"/>
        <source>The learnt models were made by an older version and are not used: learning again from the done pages…</source>
        <translation>已学习的模型由旧版本生成，未被使用：正在从已完成页面重新学习…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Learning from the done pages…</source>
        <translation>正在从已完成的页面学习…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Learning failed: {error}</source>
        <translation>学习失败：{error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Model {kind} v{version} learnt from {pages} done pages.</source>
        <translation>模型 {kind} v{version} 已从 {pages} 个已完成页面学习。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Entity model v{version} learnt from {pages} done pages: suggestions exact F1 {merged:.2f} (rules alone {rules:.2f}).</source>
        <translation>实体模型 v{version} 已从 {pages} 个已完成页面学习：建议精确匹配 F1 {merged:.2f}（仅规则 {rules:.2f}）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Structure model v{version} learnt from {pages} done pages of {papers}: article starts F1 {model_f1:.2f} (rules {rules_f1:.2f}), roles {model_roles:.2f} (rules {rules_roles:.2f}), joins F1 {model_joins:.2f} (rules {rules_joins:.2f}).</source>
        <translation>结构模型 v{version} 已从 {papers} 的 {pages} 个已完成页面学习：文章起点 F1 {model_f1:.2f}（规则 {rules_f1:.2f}），角色 {model_roles:.2f}（规则 {rules_roles:.2f}），段落接续 F1 {model_joins:.2f}（规则 {rules_joins:.2f}）。</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+36"/>
        <location line="+41"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Pre-split: {choice}.</source>
        <translation>预切分：{choice}。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Pre-split for {paper}: {choice}.</source>
        <translation>{paper} 的预切分：{choice}。</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>The structure model pre-split the next {n} pages not started yet.</source>
        <translation>结构模型已重新预切分接下来 {n} 个尚未开始的页面。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The entity model&apos;s suggestions are on the next {n} pages not started yet (Ctrl+Shift+Return: the page it is least sure of).</source>
        <translation>实体模型的建议已加到接下来 {n} 个尚未开始的页面上（Ctrl+Shift+Return：模型最没把握的页面）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>entity model</source>
        <translation>实体模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>structure model</source>
        <translation>结构模型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learnt from {pages} done pages: {models}.</source>
        <translation>已从 {pages} 个完成的页面学习：{models}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} pages not started yet now use them.</source>
        <translation>{n} 个尚未开始的页面已采用它们。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures: point at “Learnt” in the status bar.</source>
        <translation>各项得分：将鼠标指向状态栏中的“已学习”。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Other papers: {choice}.</source>
        <translation>其他报纸：{choice}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>pages without a paper</source>
        <translation>未注明报纸的版面</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article starts</source>
        <translation>文章起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>joins</source>
        <translation>段落接续</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every decision from the model</source>
        <translation>全部决定采用模型的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every decision from the rules (they scored higher)</source>
        <translation>全部决定采用规则的（规则得分更高）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{model} from the model; {rules} from the rules (they scored higher there)</source>
        <translation>{model}采用模型的；{rules}采用规则的（规则在这些方面得分更高）</translation>
    </message>
    <message>
        <location line="-105"/>
        <location line="+20"/>
        <source>Nothing learnt yet: more done pages are needed.</source>
        <translation>尚未学习：需要更多已完成的页面。</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../annotator/gui/review.py" line="-482"/>
        <location line="+65"/>
        <location line="+308"/>
        <source>No page is open.</source>
        <translation>没有打开的页面。</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>Not done: {reason}</source>
        <translation>未执行：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This page has no paragraphs.</source>
        <translation>这一页没有段落。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a span first: click it, or move to it with N or &apos;.&apos;.</source>
        <translation>请先选择一个标注：单击它，或用 N 或 . 键移到它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The selected span is not a suggestion (it is {status}).</source>
        <translation>所选标注不是建议（它的状态是：{status}）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rejected the suggestion 「{text}」 ({label}) that the split cut through.</source>
        <translation>拆分穿过了建议「{text}」（{label}），已将其拒绝。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Rejected {n} suggestion(s) that the change left across a paragraph or article break (Ctrl+Z brings them back).</source>
        <translation>已拒绝 {n} 条因此次修改而跨越段落或文章分界的建议（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rejected the suggestion 「{text}」 ({label}) across the join.</source>
        <translation>建议「{text}」（{label}）跨越了取消的连接，已将其拒绝。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Rejected {n} suggestion(s) on the paragraph now outside every article.</source>
        <translation>该段落已不属于任何文章，其上的 {n} 条建议已拒绝。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This paragraph&apos;s role is {role} already.</source>
        <translation>这一段已经是{role}。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select text first (mouse or Shift+arrows), or a span to relabel.</source>
        <translation>请先选择文字（鼠标或 Shift+方向键），或选择要更改类别的标注。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The span is already {label}.</source>
        <translation>该标注已经是 {label}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>it crosses into another article. Select within one article.</source>
        <translation>它跨入了另一篇文章。请在一篇文章之内选择。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it crosses a paragraph break. Select within one paragraph, or make the two one first (M merges them; J joins a paragraph cut by a column break).</source>
        <translation>它跨越了段落分隔。请在一个段落之内选择，或先把两段合为一段（M 合并；J 连接被分栏截断的段落）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it takes in markup that the clean text drops (# or **). Select the words only.</source>
        <translation>它包含了净文本会去掉的标记（# 或 **）。请只选择文字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it lies outside every article, and page furniture is not exported. Move the paragraph into an article first.</source>
        <translation>它不属于任何文章，版面杂项不会导出。请先把这一段移入一篇文章。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This selection would not be exported: {reason}</source>
        <translation>这个选区不会被导出：{reason}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The selection is already {label}.</source>
        <translation>所选文字已是 {label}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Accepted the suggestion.</source>
        <translation>已接受该建议。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rejected {n} overlapping suggestion(s).</source>
        <translation>已拒绝 {n} 条重叠的建议。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>This article has no open suggestions.</source>
        <translation>这篇文章没有待处理的建议。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accepted {n} suggestions.</source>
        <translation>已接受 {n} 个建议。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No more suggestions after this point of the page.</source>
        <translation>本页此处之后没有更多建议。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No suggestions before this point of the page.</source>
        <translation>本页此处之前没有建议。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No open suggestion is less sure than this one.</source>
        <translation>没有比这条更没把握的未处理建议。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No more spans after this point of the page.</source>
        <translation>本页此处之后没有更多标注。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No spans before this point of the page.</source>
        <translation>本页此处之前没有标注。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{n} suggestion(s) still open: the first is selected.</source>
        <translation>还有 {n} 条建议未处理：已选中第一条。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open suggestions</source>
        <translation>未处理的建议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This page still has {n} open suggestion(s). A page is done only when every suggestion is accepted or rejected.</source>
        <translation>本页还有 {n} 条建议未处理。只有每条建议都已接受或拒绝，页面才算完成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What should happen to them?</source>
        <translation>如何处理这些建议?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept all and mark done</source>
        <translation>全部接受并标记完成(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject all and mark done</source>
        <translation>全部拒绝并标记完成(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to the first suggestion</source>
        <translation>转到第一条建议(&amp;G)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>V sets the value and unit of a FIGURE; “{text}” is {label}.</source>
        <translation>V 键只设定数字（FIGURE）的数值和单位；“{text}”是 {label}。</translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <location filename="../../annotator/gui/safekeeping.py" line="+181"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../annotator/gui/actions.py" line="+301"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../annotator/gui/outline.py" line="-169"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>_Runner</name>
    <message>
        <location filename="../../annotator/gui/workers.py" line="+87"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message>
        <location line="+138"/>
        <source>Import pages</source>
        <translation>导入页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export gold data</source>
        <translation>导出金标准数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The import could not run.</source>
        <translation>无法进行导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export could not be written.</source>
        <translation>无法写入导出文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Looking for page files…</source>
        <translation>正在查找页面文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing file {done} of {total}
{name}</source>
        <translation>正在导入第 {done} 个文件，共 {total} 个
{name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preparing the export…</source>
        <translation>正在准备导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting page {done} of {total}
{name}</source>
        <translation>正在导出第 {done} 页，共 {total} 页
{name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported: {imported}
Skipped (already in the database): {skipped}
Refused: {refused}</source>
        <translation>已导入：{imported}
已跳过（数据库中已有）：{skipped}
无法导入：{refused}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The import was cancelled; the pages imported so far are kept.</source>
        <translation>导入已取消；已经导入的页面会保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>… and {n} more (see the details)</source>
        <translation>……另有 {n} 个（见详细信息）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused files:</source>
        <translation>无法导入的文件：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files changed since their import:</source>
        <translation>导入后已更改的文件：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{duplicate} repeats {first}</source>
        <translation>{duplicate} 与 {first} 重复</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pages that gave no record: {n}. No paragraph on them is in an article (page furniture only; Shift+Return starts an article; see the details).</source>
        <translation>未生成记录的页面：{n} 个。这些页面上没有任何段落属于文章（只有版面杂项；Shift+Return 可开始一篇文章；见详细信息）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{page}: no article, no record</source>
        <translation>{page}：没有文章，未生成记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrote {count} pages to {path}.</source>
        <translation>已将 {count} 页写入 {path}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote {count} articles to {path}.</source>
        <translation>已将 {count} 篇文章写入 {path}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote a train/dev/test split into {path}:</source>
        <translation>已将训练/开发/测试划分写入 {path}:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: {count} pages ({file})</source>
        <translation>{name}:{count} 页({file})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: {count} articles ({file})</source>
        <translation>{name}:{count} 篇文章({file})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} duplicate articles found, kept (a page format keeps whole pages).</source>
        <translation>发现 {n} 篇重复文章,已保留(按页的格式保留整页)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} duplicate articles found; {dropped} dropped, one copy of each kept.</source>
        <translation>发现 {n} 篇重复文章;已去掉 {dropped} 篇,每篇保留一份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} duplicate articles found and kept (choose &quot;Keep one copy of duplicate articles&quot; to drop them).</source>
        <translation>发现 {n} 篇重复文章,均已保留(选择“重复文章只保留一份”可去掉重复)。</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>{n} accepted spans could not be exported exactly and were left out (see the details).</source>
        <translation>有 {n} 个已接受的标注无法精确导出，已略去（见详细信息）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{n} open suggestions on {pages} pages were not exported (only accepted spans are gold; see the details).</source>
        <translation>{pages} 个页面上的 {n} 条未处理建议未导出（只有已接受的标注才是金标准；见详细信息）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{page}: {n} open suggestions</source>
        <translation>{page}：{n} 条未处理的建议</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../annotator/gui/actions.py" line="-244"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Boundaries</source>
        <translation>分界(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>段落类型(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Spans</source>
        <translation>标注(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Page</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../build/lupdate/hidden_strings.py" line="+3"/>
        <source>Under a search the Page keys stay among the pages found: Ctrl+Return, Ctrl+K and Ctrl+Shift+F open the next page found that is not done (Ctrl+Shift+Return the one the model is least sure of), Ctrl+PgDown and Ctrl+PgUp walk the pages found (of the list&apos;s status filter), each page with its first hit selected; the status bar reads “Match 3 of 17 · page 120 of 2,000”. Clear the search to walk every page.</source>
        <translation>搜索时，页面快捷键只在找到的页面之间移动：Ctrl+Return、Ctrl+K 和 Ctrl+Shift+F 打开下一个尚未完成的找到的页面（Ctrl+Shift+Return 打开模型最没把握的那一页），Ctrl+PgDown 和 Ctrl+PgUp 在找到的页面（按列表的状态筛选）之间前后翻页，每页都选中第一处命中；状态栏显示“第 3 个匹配，共 17 个 · 第 120 页，共 2,000 页”。清除搜索即可在所有页面之间翻页。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export gold data…</source>
        <translation>导出金标准数据…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split the paragraph at the caret</source>
        <translation>在光标处拆分段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the paragraph with the next one</source>
        <translation>与下一段合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join the paragraph to the previous one</source>
        <translation>接续上一段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the join with the previous paragraph</source>
        <translation>取消与上一段的接续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new article at this paragraph</source>
        <translation>从这一段开始新文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the article into the previous one</source>
        <translation>将本文并入上一篇文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the paragraph to the previous article</source>
        <translation>将这一段移到上一篇文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the paragraph to the next article</source>
        <translation>将这一段移到下一篇文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the paragraph as not part of any article</source>
        <translation>将这一段标为不属于任何文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subheadline</source>
        <translation>副题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intertitle</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other (keeps the article)</source>
        <translation>其他（保留所属文章）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept all suggestions of the article</source>
        <translation>接受本文的全部建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next suggestion</source>
        <translation>下一个建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous suggestion</source>
        <translation>上一个建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next suggestion the model is least sure of</source>
        <translation>下一条模型最没把握的建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure value and unit…</source>
        <translation>数值与单位…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done and go to the next page to review</source>
        <translation>标记完成并转到下一个待审页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done and go to the page the model is least sure of</source>
        <translation>标记完成并转到模型最没把握的页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip the page</source>
        <translation>跳过本页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag the page with a note…</source>
        <translation>标记存疑并附注…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous page in the list</source>
        <translation>列表中的上一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page in the list</source>
        <translation>列表中的下一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search pages</source>
        <translation>搜索页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next hit of the search on the page</source>
        <translation>本页搜索的下一处命中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous hit of the search on the page</source>
        <translation>本页搜索的上一处命中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the page text</source>
        <translation>回到页面正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label as {label}</source>
        <translation>标注为 {label}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/gui/app.py" line="+66"/>
        <source>Who is reviewing?</source>
        <translation>谁在审校？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name is stored with every edit you make. You can change it later in the preferences.</source>
        <translation>你的姓名会随每一次修改一起保存。以后可以在首选项中更改。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A reviewer name is needed</source>
        <translation>需要审校人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator cannot open without your name: it is stored with every edit, so that the gold data says who decided what.</source>
        <translation>没有您的姓名，Annotator 无法打开：每次编辑都会记录姓名，以便标准数据能说明每个决定由谁做出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a name</source>
        <translation>输入姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Upgrading the database to this version of Annotator (schema {old} to {new}). This happens once; a large database takes a minute or more.</source>
        <translation>正在将数据库升级到此版本的 Annotator（结构版本 {old} 升至 {new}）。此操作只进行一次；大型数据库需要一分钟或更久。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Upgrading the database</source>
        <translation>正在升级数据库</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+77"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../annotator/gui/commands.py" line="+32"/>
        <source>set the role</source>
        <translation>设置段落类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change paragraphs</source>
        <translation>修改段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start an article</source>
        <translation>开始新文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge articles</source>
        <translation>合并文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>move a paragraph</source>
        <translation>移动段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mark as other</source>
        <translation>标为其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>join paragraphs</source>
        <translation>接续段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undo a join</source>
        <translation>取消接续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>split a paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge paragraphs</source>
        <translation>合并段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add a span</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove a span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relabel a span</source>
        <translation>更改标注类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept or reject a span</source>
        <translation>接受或拒绝标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correct a figure</source>
        <translation>更正数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set the page status</source>
        <translation>设置页面状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>several changes</source>
        <translation>多项修改</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>mark the page done</source>
        <translation>标记页面完成</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>accept a span</source>
        <translation>接受标注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reject a span</source>
        <translation>拒绝标注</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot undo “{what}”: {reason}.</source>
        <translation>无法撤销“{what}”：{reason}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot redo “{what}”: {reason}.</source>
        <translation>无法重做“{what}”：{reason}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+17"/>
        <source>the page has changed since and it no longer applies</source>
        <translation>页面此后已改变，这一步不再适用</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>another reviewer</source>
        <translation>另一位审校人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{who} changed that span since</source>
        <translation>{who}此后修改了该标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{who} changed those paragraphs since</source>
        <translation>{who}此后修改了这些段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{who} changed the page status since</source>
        <translation>{who}此后修改了页面状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is {who}&apos;s edit</source>
        <translation>这是{who}的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it was undone already (in another window)</source>
        <translation>它已被撤销（在另一个窗口中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it was redone already, or a later edit replaced it</source>
        <translation>它已被重做，或已被之后的修改取代</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>{what} ({reason})</source>
        <translation>{what}（{reason}）</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../build/lupdate/hidden_strings.py" line="+24"/>
        <source>page {page!r} is done, and a done page has no open suggestion: set it back to in progress first</source>
        <translation>页面 {page!r} 已完成，完成的页面不能有未处理的建议：请先将其改回“进行中”</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>it would cross into another article</source>
        <translation>它会跨入另一篇文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it would cross a paragraph break</source>
        <translation>它会跨越段落分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it would take in markup that the clean text drops</source>
        <translation>它会包含净文本去掉的标记</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>page {page!r} has no block starting at offset {start}</source>
        <translation>页面 {page!r} 在位置 {start} 处没有段落开始</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown label {label!r}; configured labels: {labels}</source>
        <translation>未知标签 {label!r}；已配置的标签：{labels}</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>unknown role {role!r}; expected one of {roles}</source>
        <translation>未知角色 {role!r}；应为以下之一：{roles}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the first article on the page has no previous article to merge into</source>
        <translation>这是本页第一篇文章，前面没有可并入的文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>move_block: direction must be -1 or 1, not {direction!r}</source>
        <translation>move_block：方向必须是 -1 或 1，而不是 {direction!r}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the first paragraph of an article has no paragraph of its article before it to join; to continue the article above, merge the article into the previous one</source>
        <translation>文章的第一段之前没有同一篇文章的段落可以接续；若要接续上面的文章，请把这篇文章并入前一篇</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>span [{start}, {end}) is outside page {page!r} (0..{length}) or empty</source>
        <translation>标注 [{start}, {end}) 超出页面 {page!r} 的范围（0..{length}）或为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown span origin {origin!r}</source>
        <translation>未知的标注来源 {origin!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown span status {status!r}</source>
        <translation>未知的标注状态 {status!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>add_span needs a span id (the store allocates one)</source>
        <translation>add_span 需要标注编号（由数据库分配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>span id {id} already exists</source>
        <translation>标注编号 {id} 已存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown span status {status!r}; expected one of {statuses}</source>
        <translation>未知的标注状态 {status!r}；应为以下之一：{statuses}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>span attrs must be a JSON object</source>
        <translation>标注属性必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>unknown page status {status!r}; expected one of {statuses}</source>
        <translation>未知的页面状态 {status!r}；应为以下之一：{statuses}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page {page!r} is already {status}</source>
        <translation>页面 {page!r} 已经是 {status}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page {page!r} still has {count} open suggestion(s): accept or reject them before marking it done</source>
        <translation>页面 {page!r} 还有 {count} 条未处理的建议：请先接受或拒绝，再标为完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolve must be &apos;accept&apos; or &apos;reject&apos;, not {resolve!r}</source>
        <translation>resolve 必须是 &apos;accept&apos; 或 &apos;reject&apos;，而不是 {resolve!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an empty batch changes nothing</source>
        <translation>空的批量操作不会改变任何内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operation for page {page!r} applied to page {other!r}</source>
        <translation>页面 {page!r} 的操作被用在了页面 {other!r} 上</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>set_blocks: unknown block fields {fields}</source>
        <translation>set_blocks：未知的段落字段 {fields}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>the caret is at the start or end of a paragraph: put it inside the paragraph, where the new paragraph should begin, to split it</source>
        <translation>光标在段落的开头或结尾：请把光标放在段落里面新段落开始的位置，再拆分</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>the caret is between paragraphs: put it inside a paragraph, where the new paragraph should begin, to split it</source>
        <translation>光标在两个段落之间：请把光标放在段落里面新段落开始的位置，再拆分</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a batch acts on one page only</source>
        <translation>批量操作只能作用于一个页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown edit operation {kind!r}</source>
        <translation>未知的编辑操作 {kind!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind}: malformed arguments {args!r} ({error})</source>
        <translation>{kind}：参数格式错误 {args!r}（{error}）</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>page {page!r} has no span with id {id}</source>
        <translation>页面 {page!r} 上没有编号为 {id} 的标注</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no page matches these filters together; alone, they match {counts}</source>
        <translation>没有页面同时符合这些筛选条件；单独使用时各自匹配的页数为 {counts}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown label {label!r}; the labels are {labels}</source>
        <translation>未知的标签 {label!r}；现有标签为 {labels}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no page has {name!r}; the pages have {known}</source>
        <translation>没有页面属于 {name!r}；页面中有 {known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database has no pages; import some first</source>
        <translation>数据库中没有页面；请先导入页面</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>no page id matches {pattern!r}; the page ids run from {first} to {last}</source>
        <translation>没有页面编号匹配 {pattern!r}；页面编号从 {first} 到 {last}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no page was last edited in that time; the pages were last edited from {oldest} to {newest}</source>
        <translation>没有页面在该时间段内最后编辑；页面的最后编辑时间从 {oldest} 到 {newest}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>exists and is not a folder; a split writes into a folder</source>
        <translation>已存在且不是文件夹；拆分导出要写入文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no page is {status}; the pages are {have}</source>
        <translation>没有状态为 {status} 的页面；现有页面为 {have}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give --output</source>
        <translation>请用 --output 指定输出位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a split writes one file per split; give --output FOLDER</source>
        <translation>拆分导出为每个部分各写一个文件；请用 --output 指定文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-16 offsets [{us}, {ue}) do not give [{start}, {end})</source>
        <translation>UTF-16 偏移 [{us}, {ue}) 与 [{start}, {end}) 不对应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exists and is not a folder; choose a folder name</source>
        <translation>已存在且不是文件夹；请选择一个文件夹名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a folder that annotator did not write; choose a new or empty folder</source>
        <translation>是一个不由 annotator 写入的文件夹；请选择新的或空的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>span [{start}, {end}) {label} lies outside the article (0..{length})</source>
        <translation>标注 [{start}, {end}) {label} 超出了文章范围（0..{length}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>span [{start}, {end}) {label} reads {got}, not {wanted}</source>
        <translation>标注 [{start}, {end}) {label} 的文字是 {got}，而不是 {wanted}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the brat format writes a folder; give --output FOLDER</source>
        <translation>brat 格式写入一个文件夹；请用 --output 指定文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be written ({error})</source>
        <translation>无法写入（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied; choose a folder you can write to</source>
        <translation>没有权限；请选择一个可以写入的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full; free some space or choose another disk</source>
        <translation>磁盘已满；请腾出空间或选择其他磁盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder does not exist; choose an existing folder</source>
        <translation>文件夹不存在；请选择一个已有的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is read-only; choose another folder</source>
        <translation>磁盘是只读的；请选择其他文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a folder; give a file name</source>
        <translation>是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: {reason}; {advice}</source>
        <translation>{where}：{reason}；{advice}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the blocks do not fit the page ({error})</source>
        <translation>段落与页面不符（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the &apos;spacy&apos; format needs spaCy, which is not installed; install it with: pip install &quot;annotator[spacy]&quot;</source>
        <translation>“spacy”格式需要 spaCy，但它没有安装；请用以下命令安装：pip install &quot;annotator[spacy]&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>convert it to UTF-8 text and import again</source>
        <translation>请转换为 UTF-8 文本后重新导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no .txt or .md files in it (it holds {count} other file(s): {kinds})</source>
        <translation>其中没有 .txt 或 .md 文件（只有 {count} 个其他文件：{kinds}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the file ({error}); check its permissions</source>
        <translation>无法读取文件（{error}）；请检查文件权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no .txt or .md files in it (it is empty)</source>
        <translation>其中没有 .txt 或 .md 文件（文件夹是空的）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not text (contains NUL bytes; binary, or UTF-16 without a byte-order mark)</source>
        <translation>不是文本（含有 NUL 字节：二进制文件，或没有字节顺序标记的 UTF-16）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not valid UTF-8 (byte {byte}) and not GB18030/GBK text either</source>
        <translation>不是有效的 UTF-8（第 {byte} 字节），也不是 GB18030/GBK 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a symbolic link that points at itself (or a loop of links); fix or remove the link</source>
        <translation>符号链接指向自身（或链接成环）；请修正或删除该链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a broken symbolic link (what it points at does not exist); fix or remove the link</source>
        <translation>符号链接已失效（指向的文件不存在）；请修正或删除该链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {reason}; {advice}</source>
        <translation>{path}：{reason}；{advice}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>cannot read the folder ({error}); check its permissions</source>
        <translation>无法读取文件夹（{error}）；请检查文件夹权限</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>this paragraph is not part of an article: move it into one or start one at it first</source>
        <translation>这个段落不属于任何文章：请把它移入一篇文章，或先从它开始一篇新文章</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>the label {text} ({label}) would be left out of every export: {reason}; remove, reject or shorten it first</source>
        <translation>标注 {text}（{label}）将被每次导出略去：{reason}；请先删除、拒绝或缩短它</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it would lie outside every article, and no export writes that</source>
        <translation>它会不属于任何文章，而任何导出都不写这样的标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it would lie on no paragraph, only on the break between two</source>
        <translation>它会不在任何段落上，只在两个段落之间的换行上</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>this changes nothing: the paragraphs are like that already</source>
        <translation>没有可更改的内容：段落已经是这样了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this paragraph&apos;s role is {role} already</source>
        <translation>这个段落的角色已经是 {role}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no article on the page to move this paragraph to</source>
        <translation>本页没有可以移入这个段落的文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this paragraph is outside every article already</source>
        <translation>这个段落已经不属于任何文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the first paragraph on the page has no previous paragraph to join</source>
        <translation>这是本页第一个段落，前面没有可接续的段落</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this paragraph joins the previous paragraph already</source>
        <translation>这个段落已经接续前一个段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this paragraph does not join the previous paragraph</source>
        <translation>这个段落没有接续前一个段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a split here would leave an empty paragraph: put the caret inside the paragraph, where the new paragraph should begin</source>
        <translation>在这里拆分会留下空段落：请把光标放在段落里面新段落开始的位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this is the last paragraph on the page: there is no paragraph after it to merge</source>
        <translation>这是本页最后一个段落：后面没有可合并的段落</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+4"/>
        <source>“{text}” is {label} already</source>
        <translation>“{text}”已经是 {label}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>“{text}” ({label}) is {status} already</source>
        <translation>“{text}”（{label}）已经是 {status} 状态</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>this paragraph starts its article already</source>
        <translation>这个段落已经是所在文章的开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no previous article to move this paragraph to</source>
        <translation>没有可以移入这个段落的上一篇文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no next article to move this paragraph to</source>
        <translation>没有可以移入这个段落的下一篇文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>split ends out of order: {end} after {at}</source>
        <translation>拆分的两端次序颠倒：{end} 在 {at} 之后</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>span attributes hold {value}, which is not a number JSON can hold; give a finite number</source>
        <translation>标注属性含有 {value}，这不是 JSON 能表示的数；请给出有限的数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{option} {n}</source>
        <translation>{option} {n} 页</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is a file name, but a split writes a folder (one file per split); give a folder name, such as {folder}</source>
        <translation>是一个文件名，但划分数据集会写出一个文件夹（每个子集一个文件）；请给出文件夹名，例如 {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a file name, but the {fmt} format writes a folder of files; give a folder name, such as {folder}</source>
        <translation>是一个文件名，但 {fmt} 格式会写出一个包含多个文件的文件夹；请给出文件夹名，例如 {folder}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{first}; {then}</source>
        <translation>{first}；{then}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} {status}</source>
        <translation>{status} {n} 页</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>span [{start}, {end}) {label} has the attribute value {value}, which JSON cannot hold; correct it in the window (V) and export again</source>
        <translation>标注 [{start}, {end}) {label} 的属性值为 {value}，JSON 无法表示；请在窗口中（V）改正后再导出</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>there is nothing to import</source>
        <translation>没有可导入的内容</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>empty file (only white space)</source>
        <translation>空文件（只有空白字符）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starts with a {encoding} byte-order mark but is not valid {encoding} (byte {byte})</source>
        <translation>以 {encoding} 字节顺序标记开头，但不是有效的 {encoding}（第 {byte} 字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not text (contains NUL characters)</source>
        <translation>不是文本（含有 NUL 字符）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not text ({n} control characters)</source>
        <translation>不是文本（含有 {n} 个控制字符）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an annotator (SQLite) database, not a page file</source>
        <translation>这是 annotator（SQLite）数据库，不是页面文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to work on it, give it as the database: annotator import --db {path} PAGES...</source>
        <translation>要使用它，请把它作为数据库给出：annotator import --db {path} 页面…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too large for one page ({size}; the limit is {limit})</source>
        <translation>作为一个页面太大（{size}；上限为 {limit}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>split it into page files, or raise the limit with annotator import --max-page-size</source>
        <translation>请拆分为多个页面文件，或用 annotator import --max-page-size 提高上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} or {rest}</source>
        <translation>{first}或{rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} and {rest}</source>
        <translation>{first}和{rest}</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+55"/>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flagged</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed since its import; page {page} had not been reviewed, so it now holds the new version</source>
        <translation>导入后文件已更改；页面 {page} 尚未审校，现已换成新版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed since its import; page {page} has reviews and is kept as it was, the new version is page {new}</source>
        <translation>导入后文件已更改；页面 {page} 已有审校，保持不变，新版本导入为页面 {new}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>no such file or folder; check the path</source>
        <translation>文件或文件夹不存在；请检查路径</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the pre-split or the suggestions failed on this page ({error}); import it again with --no-suggest, and please report the page</source>
        <translation>预切分或建议在此页出错（{error}）；请用 --no-suggest 重新导入，并报告此页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reason}; {advice}</source>
        <translation>{reason}；{advice}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{path}: cannot use the database ({error})</source>
        <translation>{path}：无法使用该数据库（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the database is damaged ({detail}); nothing was written to it; {advice}</source>
        <translation>{path}：数据库已损坏（{detail}）；未向其写入任何内容；{advice}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restore the newest backup with: annotator restore --db {path} {backup}</source>
        <translation>请用以下命令恢复最新的备份：annotator restore --db {path} {backup}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not an annotator database or damaged ({error}); choose another file, or {advice}</source>
        <translation>{path}：不是 annotator 数据库或已损坏（{error}）；请选择其他文件，或{advice}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the database is locked by another program ({error}); close the other program and try again</source>
        <translation>{path}：数据库被其他程序锁定（{error}）；请关闭该程序后重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the database is read-only ({error}); make it writable or copy it elsewhere</source>
        <translation>{path}：数据库是只读的（{error}）；请将其设为可写，或复制到其他位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot open the database ({error}); check the folder exists and is writable</source>
        <translation>{path}：无法打开数据库（{error}）；请检查文件夹是否存在且可写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no backup of it in {folder}: keep the file and ask for help (&apos;sqlite3 {path} .recover&apos; saves what can still be read)</source>
        <translation>{folder} 中没有它的备份：请保留该文件并寻求帮助（&apos;sqlite3 {path} .recover&apos; 可挽救仍可读取的内容）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLite&apos;s check: {problems}</source>
        <translation>SQLite 检查结果：{problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: no such database to back up</source>
        <translation>{path}：没有可备份的数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not an annotator database (schema version {version})</source>
        <translation>{path}：不是 annotator 数据库（结构版本 {version}）</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>{path}: this database has schema version {version}, made by a newer annotator (this one knows up to {known}); upgrade annotator to open it</source>
        <translation>{path}：该数据库的结构版本为 {version}，由更新的 annotator 创建（本程序最高支持 {known}）；请升级 annotator 后再打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: this is an SQLite database of another program (tables: {tables}); choose another file</source>
        <translation>{path}：这是其他程序的 SQLite 数据库（表：{tables}）；请选择其他文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>{path}: no such database; run &apos;annotator import&apos; first</source>
        <translation>{path}：数据库不存在；请先运行 &apos;annotator import&apos;</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>{path}: is a folder, not a database file</source>
        <translation>{path}：这是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>{path}: the database is empty; run &apos;annotator import&apos; first</source>
        <translation>{path}：数据库是空的；请先运行 &apos;annotator import&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: this database has schema version {version} and needs an upgrade to version {known}, which reading alone does not do; open it once in the annotator window (or run &apos;annotator import&apos; on it), then try again</source>
        <translation>{path}：该数据库的结构版本为 {version}，需要升级到版本 {known}，只读打开不会升级；请先在 annotator 窗口中打开一次（或对它运行 &apos;annotator import&apos;），然后重试</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{target}: cannot write the backup ({error}); check that the folder exists and is writable</source>
        <translation>{target}：无法写入备份（{error}）；请检查文件夹是否存在且可写</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>{path}: cannot create the database there: {blocking} is a file, not a folder; choose another place with --db</source>
        <translation>{path}：无法在此创建数据库：{blocking} 是文件而不是文件夹；请用 --db 选择其他位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot create the folder {folder} ({error}); choose a folder you can write to with --db</source>
        <translation>{path}：无法创建文件夹 {folder}（{error}）；请用 --db 选择一个可写的文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path}: the database is read-only; make it writable or copy it elsewhere</source>
        <translation>{path}：数据库是只读的；请将其设为可写，或复制到其他位置</translation>
    </message>
</context>
</TS>
