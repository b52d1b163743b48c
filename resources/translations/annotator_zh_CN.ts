<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>EditRunner</name>
    <message>
        <location filename="../../annotator/gui/runner.py" line="+78"/>
        <source>Not saved: the database refused the edit ({error})</source>
        <translation>未保存：数据库拒绝了这次修改（{error}）</translation>
    </message>
</context>
<context>
    <name>PageListModel</name>
    <message>
        <location filename="../../annotator/gui/page_list_model.py" line="+169"/>
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
        <location filename="../../annotator/gui/page_list.py" line="+76"/>
        <source>Show pages of one review status</source>
        <translation>只显示某一审校状态的页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search page text or id…</source>
        <translation>搜索页面文字或编号…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full-text search over every page; Down moves to the list</source>
        <translation>在所有页面中全文搜索；按 ↓ 键转到列表</translation>
    </message>
    <message>
        <location line="+157"/>
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
        <location filename="../../annotator/gui/page_view/view.py" line="+294"/>
        <source>{label}: {text}</source>
        <translation>{label}：{text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status: {status} · origin: {origin}</source>
        <translation>状态：{status} · 来源：{origin}</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KIC</source>
        <translation>引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HEAD</source>
        <translation>标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SUB</source>
        <translation>副</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BY</source>
        <translation>署</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CAP</source>
        <translation>图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OTH</source>
        <translation>其</translation>
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
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../annotator/gui/actions.py" line="+262"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Runner</name>
    <message>
        <location filename="../../annotator/gui/workers.py" line="+203"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message>
        <location line="+109"/>
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
        <location line="+2"/>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>… and {n} more (see the details)</source>
        <translation>……另有 {n} 个（见详细信息）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused files:</source>
        <translation>无法导入的文件：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote {count} articles to {path}.</source>
        <translation>已将 {count} 篇文章写入 {path}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} accepted spans could not be exported exactly and were left out (see the details).</source>
        <translation>有 {n} 个已接受的标注无法精确导出，已略去（见详细信息）。</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../annotator/gui/actions.py" line="-210"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../annotator/gui/commands.py" line="+22"/>
        <source>set the role</source>
        <translation>设置段落类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change blocks</source>
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
        <source>move a block</source>
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
        <source>split a block</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge blocks</source>
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
        <location line="+15"/>
        <source>accept a span</source>
        <translation>接受标注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reject a span</source>
        <translation>拒绝标注</translation>
    </message>
</context>
</TS>
