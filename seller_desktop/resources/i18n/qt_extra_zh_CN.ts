<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Strings of Qt's own dialogs that Qt's qtbase_zh_CN.qm (shipped with PySide6, from the
     official qttranslations) leaves untranslated. Loaded after it by ui/i18n.py, so Qt's own
     translations win wherever they exist. Built by scripts/i18n.sh (lrelease). -->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面(&amp;S)：</translation>
    </message>
</context>
</TS>
