<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="66"/>
        <source>Click a cell of the heatmap to list where that pair disagrees.</source>
        <translation>انقر خلية في الخريطة الحرارية لعرض مواضع خلاف الثنائي.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="96"/>
        <source>Cohen&apos;s kappa, token labels</source>
        <translation>كابا كوهين، تصنيفات الكلمات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="106"/>
        <source>Span F1 (exact) per label, mean over pairs</source>
        <translation>F1 للمقاطع (تطابق تام) لكل تصنيف، متوسط الأزواج</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="122"/>
        <source>%1 and %2 disagree on %3 span(s); double-click one to open it.</source>
        <translation>يختلف %1 و%2 في %3 مقطعًا؛ انقر مرتين على أحدها لفتحه.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="51"/>
        <source>Welcome to Annotator</source>
        <translation>مرحبًا بك في Annotator</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="52"/>
        <source>Your name, as it goes on your spans:</source>
        <translation>اسمك كما سيظهر على تعليقاتك:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="61"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="84"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="132"/>
        <source>This project was made by an older Annotator; a copy of it as it was is kept in %1</source>
        <translation>أُنشئ هذا المشروع بإصدار أقدم من Annotator؛ احتُفظ بنسخة منه كما كان في %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="136"/>
        <source>Waiting for another program (an import?) to finish writing to the project…</source>
        <translation>بانتظار برنامج آخر (استيراد؟) حتى ينتهي من الكتابة في المشروع…</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../ui/article_view.py" line="340"/>
        <source>%1 by %2: %3</source>
        <translation>%1 بواسطة %2: %3</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/commands.py" line="55"/>
        <source>Add %1</source>
        <translation>إضافة %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="73"/>
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="90"/>
        <source>Change %1</source>
        <translation>تعديل %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="134"/>
        <source>Reject %1</source>
        <translation>رفض %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="149"/>
        <source>Take back rejection of %1</source>
        <translation>التراجع عن رفض %1</translation>
    </message>
    <message>
        <location filename="../../ui/record_commands.py" line="33"/>
        <source>Set the value of %1</source>
        <translation>تعيين قيمة %1</translation>
    </message>
    <message>
        <location filename="../../ui/record_commands.py" line="50"/>
        <source>Set the publication date</source>
        <translation>تعيين تاريخ النشر</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../ui/document_list.py" line="18"/>
        <source>to review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="19"/>
        <source>reviewed</source>
        <translation>رُوجع</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="20"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="21"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="22"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../ui/document_list.py" line="69"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="69"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="69"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <location filename="../../ui/controllers/events.py" line="96"/>
        <source>Select an event span first.</source>
        <translation>اختر مقطع حدث أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="105"/>
        <source>This span already mentions an event.</source>
        <translation>هذا المقطع يذكر حدثًا بالفعل.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="110"/>
        <location filename="../../ui/controllers/events.py" line="211"/>
        <source>New event %1</source>
        <translation>حدث جديد %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="112"/>
        <source>Event %1: L then a click links its place, date, casualties or source.</source>
        <translation>الحدث %1: اضغط L ثم انقر لربط مكانه أو تاريخه أو ضحاياه أو مصدره.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="120"/>
        <location filename="../../ui/controllers/events.py" line="142"/>
        <source>Choose an event first (click one of its spans).</source>
        <translation>اختر حدثًا أولًا (انقر أحد مقاطعه).</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="127"/>
        <source>This span is the only mention of %1: delete %1 first (Delete in the Events panel) to add it to %2.</source>
        <translation>هذا المقطع هو الذِكر الوحيد لـ %1: احذف %1 أولًا (Delete في لوحة الأحداث) لتضيفه إلى %2.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="133"/>
        <source>Add a mention to %1</source>
        <translation>إضافة ذِكر إلى %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="136"/>
        <source>Moved from %1 to %2.</source>
        <translation>نُقل من %1 إلى %2.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="137"/>
        <source>Added to %2.</source>
        <translation>أُضيف إلى %2.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="145"/>
        <source>%1 is %2&apos;s: accept it into gold (Shift+A), then link to the gold event.</source>
        <translation>%1 يعود إلى %2: اقبله في الطبقة الذهبية (Shift+A)، ثم اربط بالحدث الذهبي.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="150"/>
        <source>Click the span to link to %1, or select text and label it; Esc cancels.</source>
        <translation>انقر المقطع لربطه بـ %1، أو حدّد نصًا ووسمه؛ Esc للإلغاء.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="156"/>
        <source>Linking cancelled.</source>
        <translation>أُلغي الربط.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="160"/>
        <source>An event span is a mention: add it with M.</source>
        <translation>مقطع الحدث ذِكرٌ له: أضفه بالمفتاح M.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="164"/>
        <location filename="../../ui/controllers/events.py" line="208"/>
        <source>No role takes %1 spans.</source>
        <translation>لا دور يقبل مقاطع %1.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="168"/>
        <source>Already linked.</source>
        <translation>مربوط بالفعل.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="170"/>
        <source>Link %1 to %2</source>
        <translation>ربط %1 بـ %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="172"/>
        <source>%1 linked to %2 as %3.</source>
        <translation>رُبط %1 بـ %2 بوصفه %3.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="181"/>
        <source>In review mode, select a span of an annotator&apos;s event first.</source>
        <translation>في وضع المراجعة، اختر أولًا مقطعًا من حدث أحد المُعلِّقين.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="186"/>
        <source>Accept %1 into gold</source>
        <translation>قبول %1 في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="191"/>
        <source>%1 of %2 is gold %3 (%4 span(s) added to gold).</source>
        <translation>%1 من %2 صار الحدث الذهبي %3 (أُضيف %4 مقطعًا إلى الطبقة الذهبية).</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="215"/>
        <source>Drag from an event span.</source>
        <translation>اسحب من مقطع حدث.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="226"/>
        <source>Unlink from %1</source>
        <translation>فك الربط من %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="230"/>
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="250"/>
        <source>Publication date</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="251"/>
        <source>When was this article published? (YYYY-MM-DD; empty: not known)</source>
        <translation>متى نُشر هذا المقال؟ (YYYY-MM-DD؛ فارغ: غير معروف)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="258"/>
        <source>Not a date: %1 (write it as 2018-04-19)</source>
        <translation>ليس تاريخًا: %1 (اكتبه هكذا 2018-04-19)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/events.py" line="261"/>
        <source>Publication date set; relative dates counted again.</source>
        <translation>عُيّن تاريخ النشر؛ وأُعيد حساب التواريخ النسبية.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="54"/>
        <source>New event from the event span</source>
        <translation>حدث جديد من مقطع الحدث</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="56"/>
        <source>Add the event span to the chosen event</source>
        <translation>إضافة مقطع الحدث إلى الحدث المختار</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="58"/>
        <source>Link an argument to the chosen event</source>
        <translation>ربط عنصر بالحدث المختار</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="60"/>
        <source>Accept the span&apos;s event into gold</source>
        <translation>قبول حدث المقطع في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="62"/>
        <source>Events panel</source>
        <translation>لوحة الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="64"/>
        <source>Publication date…</source>
        <translation>تاريخ النشر…</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../ui/events_panel.py" line="37"/>
        <source>Event / role</source>
        <translation>الحدث / الدور</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="37"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="37"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="99"/>
        <source>mention</source>
        <translation>ذِكر</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/find_bar.py" line="38"/>
        <source>Find (ignores diacritics and letter variants)</source>
        <translation>بحث (يتجاهل التشكيل وصور الحروف)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="44"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>النتيجة السابقة (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="45"/>
        <source>Next match (Enter)</source>
        <translation>النتيجة التالية (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="46"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="91"/>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="93"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../formats/brat.py" line="343"/>
        <source>brat standoff (folder)</source>
        <translation>brat standoff (مجلد)</translation>
    </message>
    <message>
        <location filename="../../formats/conll.py" line="190"/>
        <source>CoNLL / BIO</source>
        <translation>CoNLL / BIO</translation>
    </message>
    <message>
        <location filename="../../formats/csv_table.py" line="134"/>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (جداول البيانات)</translation>
    </message>
    <message>
        <location filename="../../formats/doccano.py" line="85"/>
        <source>doccano</source>
        <translation>doccano</translation>
    </message>
    <message>
        <location filename="../../formats/hf.py" line="60"/>
        <source>Hugging Face datasets</source>
        <translation>Hugging Face datasets</translation>
    </message>
    <message>
        <location filename="../../formats/jsonl.py" line="128"/>
        <source>JSON Lines (Annotator)</source>
        <translation>JSON Lines (Annotator)</translation>
    </message>
    <message>
        <location filename="../../formats/labelstudio.py" line="320"/>
        <source>Label Studio</source>
        <translation>Label Studio</translation>
    </message>
    <message>
        <location filename="../../formats/plaintext.py" line="47"/>
        <source>Plain text</source>
        <translation>نص عادي</translation>
    </message>
    <message>
        <location filename="../../formats/spacy_format.py" line="174"/>
        <source>spaCy DocBin</source>
        <translation>spaCy DocBin</translation>
    </message>
    <message>
        <location filename="../../formats/incidents.py" line="192"/>
        <source>Incident table (one row per event)</source>
        <translation>جدول الحوادث (صف لكل حدث)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>This project has no articles yet.</source>
        <translation>لا توجد مقالات في هذا المشروع بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Open the sample article</source>
        <translation>افتح المقال النموذجي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="68"/>
        <location filename="../../ui/window_actions.py" line="71"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="69"/>
        <location filename="../../ui/window_actions.py" line="71"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="113"/>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="114"/>
        <source>Connect to server…</source>
        <translation>الاتصال بخادم…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="115"/>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="116"/>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="117"/>
        <source>Merge annotators&apos; projects…</source>
        <translation>دمج مشاريع المُعلِّقين…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="118"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="119"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="120"/>
        <source>Strip clitic</source>
        <translation>نزع السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="121"/>
        <source>Exact (sub-word) selection</source>
        <translation>تحديد دقيق (داخل الكلمة)</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="124"/>
        <source>Select inside words; hold Alt while dragging for a single exact selection</source>
        <translation>التحديد داخل الكلمات؛ اضغط Alt أثناء السحب لتحديد دقيق لمرة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="125"/>
        <source>Find…</source>
        <translation>بحث…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="126"/>
        <source>Search all documents…</source>
        <translation>البحث في كل المستندات…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="128"/>
        <source>Progress…</source>
        <translation>التقدّم…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="129"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="131"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="132"/>
        <source>Actual size</source>
        <translation>الحجم الفعلي</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="133"/>
        <source>Dark palette</source>
        <translation>ألوان داكنة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="134"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="135"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="136"/>
        <source>Mark done</source>
        <translation>تعليم كمنجز</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="138"/>
        <source>Annotator name…</source>
        <translation>اسم المُعلِّق…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="141"/>
        <source>On a server you label under your login</source>
        <translation>على الخادم توسم باسم دخولك</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="142"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="143"/>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="146"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <location filename="../../ui/window_actions.py" line="147"/>
        <source>Review mode</source>
        <translation>وضع المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="149"/>
        <source>Everyone&apos;s spans and the gold layer; accept, reject, adjudicate</source>
        <translation>مقاطع الجميع والطبقة الذهبية؛ اقبل وارفض واحكم</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="150"/>
        <source>Accept span into gold</source>
        <translation>قبول المقطع في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="151"/>
        <source>Reject span</source>
        <translation>رفض المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="152"/>
        <source>Accept all spans everyone agrees on</source>
        <translation>قبول كل المقاطع المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="154"/>
        <source>Next disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="156"/>
        <source>Agreement dashboard…</source>
        <translation>لوحة الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="157"/>
        <source>Side by side…</source>
        <translation>جنبًا إلى جنب…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="169"/>
        <source>Reviewing needs the reviewer role: on this server your login is an annotator</source>
        <translation>المراجعة تتطلب دور المراجِع: دخولك على هذا الخادم بدور مُعلِّق</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="197"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="200"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="153"/>
        <location filename="../../ui/window_actions.py" line="204"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="207"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="210"/>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="212"/>
        <source>&amp;Review</source>
        <translation>&amp;مراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="217"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="220"/>
        <source>&amp;Settings</source>
        <translation>&amp;إعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="222"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="225"/>
        <source>As the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="231"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="235"/>
        <source>Labels</source>
        <translation>التصنيفات</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="245"/>
        <source>Label the selection as %1 (key %2)</source>
        <translation>صنّف التحديد بوصفه %1 (المفتاح %2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Document %1 of %2 · %3 · %4 spans</source>
        <translation>المستند %1 من %2 · %3 · %4 مقطعًا</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="37"/>
        <source>Already in the gold layer.</source>
        <translation>موجود في الطبقة الذهبية من قبل.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="39"/>
        <source>Accept %1</source>
        <translation>قبول %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="44"/>
        <source>Accepted into gold as %1.</source>
        <translation>قُبل في الطبقة الذهبية بوسم %1.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="81"/>
        <source>Taken out of the gold layer.</source>
        <translation>أُخرج من الطبقة الذهبية.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="86"/>
        <source>Take back rejection of %1</source>
        <translation>التراجع عن رفض %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="89"/>
        <source>Reject %1</source>
        <translation>رفض %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="90"/>
        <source>Rejection taken back.</source>
        <translation>أُلغي الرفض.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="91"/>
        <source>Rejected: X again takes the rejection back.</source>
        <translation>رُفض: اضغط X مرة أخرى للتراجع عن الرفض.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="98"/>
        <source>No agreed spans left to accept.</source>
        <translation>لم يبقَ مقطع متفق عليه للقبول.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="100"/>
        <source>Accept %1 agreed spans</source>
        <translation>قبول %1 مقطعًا متفقًا عليه</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="102"/>
        <source>%1 agreed span(s) accepted into gold.</source>
        <translation>قُبل %1 من المقاطع المتفق عليها في الطبقة الذهبية.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="120"/>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="123"/>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Agreement dashboard</source>
        <translation>لوحة الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>The dashboard needs matplotlib: pip install &apos;annotator[dashboard]&apos;</source>
        <translation>تحتاج اللوحة إلى matplotlib: pip install &apos;annotator[dashboard]&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="109"/>
        <source>No disagreements left in this document.</source>
        <translation>لا خلافات باقية في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>No more documents in this direction.</source>
        <translation>لا مستندات أخرى في هذا الاتجاه.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="99"/>
        <source>Changed by someone else</source>
        <translation>غيّره شخص آخر</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="100"/>
        <location filename="../../ui/operations.py" line="106"/>
        <source>The change was not made: %1</source>
        <translation>لم يُجرَ التغيير: %1</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="101"/>
        <source>Not saved: changed by someone else meanwhile</source>
        <translation>لم يُحفظ: غيّره شخص آخر في الأثناء</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="105"/>
        <location filename="../../ui/operations.py" line="113"/>
        <source>Could not save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="114"/>
        <source>The change was not saved: %1

Try again?</source>
        <translation>لم يُحفظ التغيير: %1

هل تحاول مجددًا؟</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="108"/>
        <location filename="../../ui/operations.py" line="117"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="152"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="169"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="186"/>
        <source>Cancelled: nothing was stored.</source>
        <translation>أُلغي: لم يُحفظ شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="30"/>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا ثم اضغط مفتاح التصنيف.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="44"/>
        <source>This is %1&apos;s span: accept it into gold (A) to edit it there.</source>
        <translation>هذا مقطع %1: اقبله في الطبقة الذهبية (A) لتعديله هناك.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="59"/>
        <source>Now %1: taken out of %2, where it no longer fits.</source>
        <translation>صار %1: أُخرج من %2 حيث لم يعد يناسب.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="71"/>
        <source>Already labelled %1.</source>
        <translation>موسوم بالفعل %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366"/>
        <source>Annotator: %1</source>
        <translation>المُعلِّق: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>Annotator name</source>
        <translation>اسم المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>Your name, as it goes on your spans:</source>
        <translation>اسمك كما سيظهر على تعليقاتك:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="51"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="50"/>
        <source>Articles (%1);;All files (*)</source>
        <translation>مقالات (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="58"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="74"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="76"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="77"/>
        <source>Nothing was imported.

%1</source>
        <translation>لم يُستورد شيء.

%1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="84"/>
        <source>Imported %1 new document(s), %2 already present.</source>
        <translation>استُورد %1 مستندًا جديدًا، و%2 موجود من قبل.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="94"/>
        <source>Merge annotators&apos; projects</source>
        <translation>دمج مشاريع المُعلِّقين</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="105"/>
        <location filename="../../ui/controllers/files.py" line="116"/>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="123"/>
        <source>Merge failed</source>
        <translation>فشل الدمج</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="138"/>
        <source>Merged: %1 new span(s); %2 deletion(s) applied, %3 re-add(s) of deleted spans refused.</source>
        <translation>تم الدمج: %1 مقطعًا جديدًا؛ نُفِّذ %2 حذفًا، ورُفضت %3 محاولة لإعادة مقاطع محذوفة.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="142"/>
        <source>Conflicts</source>
        <translation>تعارضات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="157"/>
        <source>Export into a folder</source>
        <translation>تصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="168"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="170"/>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="175"/>
        <source>Exported %1 span(s) to %2</source>
        <translation>صُدّر %1 مقطعًا إلى %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="177"/>
        <source>Exported %1 event(s) to %2</source>
        <translation>صُدّر %1 حدثًا إلى %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="179"/>
        <source>Exported %1 document(s) to %2</source>
        <translation>صُدّر %1 مستندًا إلى %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="182"/>
        <source>%1 span(s) widened to token edges, %2 dropped</source>
        <translation>وُسِّع %1 مقطعًا إلى حدود الكلمات، وأُسقط %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>Open or create a project</source>
        <translation>فتح مشروع أو إنشاؤه</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="95"/>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>Annotator projects (*.db);;All files (*)</source>
        <translation>مشاريع Annotator (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>%1 in %2</source>
        <translation>%1 في %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="80"/>
        <source>Spaces at the edges were left out of the span.</source>
        <translation>استُبعدت المسافات من طرفي المقطع.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="109"/>
        <source>The edge moved on past the space: spans never end in one.</source>
        <translation>تجاوز الطرف المسافة: لا يبدأ المقطع بمسافة ولا ينتهي بها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="444"/>
        <source>Project not found</source>
        <translation>المشروع غير موجود</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445"/>
        <source>%1 is no longer there; it has been removed from the recent projects.</source>
        <translation>لم يعد %1 موجودًا، فأُزيل من المشاريع الأخيرة.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="48"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/event_records.py" line="67"/>
        <source>E&amp;vents</source>
        <translation>الأ&amp;حداث</translation>
    </message>
    <message>
        <location filename="../../ui/live_changes.py" line="120"/>
        <source>Live updates paused (%1); reconnecting…</source>
        <translation>توقّفت التحديثات الحية (%1)؛ جارٍ إعادة الاتصال…</translation>
    </message>
    <message>
        <location filename="../../ui/live_changes.py" line="149"/>
        <source>Live updates resumed.</source>
        <translation>استُؤنفت التحديثات الحية.</translation>
    </message>
    <message>
        <location filename="../../ui/live_changes.py" line="159"/>
        <source>No live updates: %1</source>
        <translation>لا تحديثات حية: %1</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="166"/>
        <source>Connecting to %1…</source>
        <translation>جارٍ الاتصال بـ %1…</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="169"/>
        <source>Cannot connect to the server</source>
        <translation>تعذّر الاتصال بالخادم</translation>
    </message>
</context>
<context>
    <name>NearDuplicatesQuestion</name>
    <message>
        <location filename="../../ui/merge_dialog.py" line="27"/>
        <source>Near-duplicate documents</source>
        <translation>مستندات شبه مكررة</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="28"/>
        <source>%1 has documents that are almost documents of this project. Joined, their spans move to the document here where their text is unchanged; the others are listed and not merged.</source>
        <translation>في %1 مستندات تكاد تطابق مستندات هذا المشروع. إذا ضُمَّت نُقلت مقاطعها إلى المستند هنا حيث لم يتغير نصها، وتُسرد البقية ولا تُدمج.</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="35"/>
        <source>Join them</source>
        <translation>اضمُمها</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="36"/>
        <source>Keep separate</source>
        <translation>أبقِها منفصلة</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="41"/>
        <source>same title</source>
        <translation>العنوان نفسه</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="43"/>
        <source>%1% similar</source>
        <translation>متشابهان بنسبة %1%</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="44"/>
        <source>%1 (document %2 there) and %3 (document %4 here): %5</source>
        <translation>%1 (المستند %2 هناك) و%3 (المستند %4 هنا): %5</translation>
    </message>
</context>
<context>
    <name>ProgressSummary</name>
    <message>
        <location filename="../../ui/progress_summary.py" line="34"/>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <location filename="../../ui/progress_summary.py" line="40"/>
        <source>%1: %2 done, %3 in progress, %4 new, of %5 documents</source>
        <translation>%1: %2 منجز، %3 قيد العمل، %4 جديد، من %5 مستندات</translation>
    </message>
    <message>
        <location filename="../../ui/progress_summary.py" line="45"/>
        <source>%v of %m done</source>
        <translation>%v من %m منجز</translation>
    </message>
    <message>
        <location filename="../../ui/progress_summary.py" line="51"/>
        <source>Every annotator of the project:</source>
        <translation>كل مُعلِّقي المشروع:</translation>
    </message>
    <message>
        <location filename="../../ui/progress_summary.py" line="63"/>
        <source>Annotator</source>
        <translation>المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../ui/progress_summary.py" line="63"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/progress_summary.py" line="64"/>
        <source>Share done</source>
        <translation>نسبة المنجز</translation>
    </message>
</context>
<context>
    <name>ProjectSearch</name>
    <message>
        <location filename="../../ui/controllers/search.py" line="67"/>
        <source>Searching all documents…</source>
        <translation>جارٍ البحث في كل المستندات…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/search.py" line="70"/>
        <source>Search failed</source>
        <translation>تعذّر البحث</translation>
    </message>
</context>
<context>
    <name>ProjectSearchDock</name>
    <message>
        <location filename="../../ui/project_search.py" line="105"/>
        <source>Search all documents</source>
        <translation>البحث في كل المستندات</translation>
    </message>
</context>
<context>
    <name>ProjectSearchPanel</name>
    <message>
        <location filename="../../ui/project_search.py" line="34"/>
        <source>Search all documents (ignores diacritics and letter variants)</source>
        <translation>ابحث في كل المستندات (يتجاهل التشكيل وصور الحروف)</translation>
    </message>
    <message>
        <location filename="../../ui/project_search.py" line="40"/>
        <source>Document / context</source>
        <translation>المستند / السياق</translation>
    </message>
    <message>
        <location filename="../../ui/project_search.py" line="40"/>
        <source>Found</source>
        <translation>كما ورد</translation>
    </message>
    <message>
        <location filename="../../ui/project_search.py" line="40"/>
        <source>Matches</source>
        <translation>التطابقات</translation>
    </message>
    <message>
        <location filename="../../ui/project_search.py" line="88"/>
        <source>No match in any document.</source>
        <translation>لا تطابق في أي مستند.</translation>
    </message>
    <message>
        <location filename="../../ui/project_search.py" line="90"/>
        <source>%1 match(es) in %2 document(s)</source>
        <translation>%1 تطابق في %2 مستند</translation>
    </message>
    <message>
        <location filename="../../ui/project_search.py" line="93"/>
        <source>The first %1 matches, in %2 document(s); refine the search for the rest</source>
        <translation>أول %1 تطابق، في %2 مستند؛ ضيّق البحث لترى الباقي</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../ui/server_dialog.py" line="85"/>
        <source>Connect to server</source>
        <translation>الاتصال بخادم</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="93"/>
        <source>the project&apos;s database</source>
        <translation>قاعدة بيانات المشروع</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="97"/>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="98"/>
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="99"/>
        <source>Database</source>
        <translation>قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="100"/>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="101"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="102"/>
        <source>Keep the password in the system keyring</source>
        <translation>احفظ كلمة المرور في حلقة مفاتيح النظام</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="110"/>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>Article font</source>
        <translation>خط المقال</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55"/>
        <source>Font size</source>
        <translation>حجم الخط</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>Snap selections to whole words</source>
        <translation>توسيع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>Annotator name</source>
        <translation>اسم المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Change…</source>
        <translation>تغيير…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>Project file</source>
        <translation>ملف المشروع</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101"/>
        <source>Label colour</source>
        <translation>لون التصنيف</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>Ask before labelling more characters than</source>
        <translation>اسأل قبل تصنيف عدد من الحروف يزيد على</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="38"/>
        <source>Label the selection, or relabel the selected span</source>
        <translation>صنّف التحديد، أو غيّر تصنيف المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="39"/>
        <source>Alt + drag</source>
        <translation>Alt + سحب</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="40"/>
        <source>Select inside a word (no snapping)</source>
        <translation>التحديد داخل كلمة (دون توسيع)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="41"/>
        <source>Delete the selected span</source>
        <translation>حذف المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="42"/>
        <source>Next / previous span</source>
        <translation>المقطع التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="43"/>
        <source>Accept the selected suggestion (with its label, or the key&apos;s)</source>
        <translation>قبول الاقتراح المحدد (بوسمه، أو بوسم المفتاح)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="45"/>
        <source>Reject the selected suggestion</source>
        <translation>رفض الاقتراح المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="47"/>
        <source>Move the selected span&apos;s left edge</source>
        <translation>تحريك الحافة اليسرى للمقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="49"/>
        <source>Move the selected span&apos;s right edge</source>
        <translation>تحريك الحافة اليمنى للمقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="51"/>
        <source>Next / previous match while finding</source>
        <translation>النتيجة التالية / السابقة أثناء البحث</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="53"/>
        <source>Search all documents; Enter or a double-click opens a match</source>
        <translation>البحث في كل المستندات؛ Enter أو النقر المزدوج يفتح التطابق</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="54"/>
        <source>Ctrl + drag</source>
        <translation>Ctrl + سحب</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="55"/>
        <source>From an event span to another span: link it to the event</source>
        <translation>من مقطع حدث إلى مقطع آخر: يربطه بالحدث</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="56"/>
        <source>Clear the selection (and cancel linking)</source>
        <translation>إلغاء التحديد (والربط الجاري)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="63"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="71"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="71"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <location filename="../../ui/side_by_side.py" line="34"/>
        <source>Side by side</source>
        <translation>جنبًا إلى جنب</translation>
    </message>
</context>
<context>
    <name>SpanChecks</name>
    <message>
        <location filename="../../ui/span_checks.py" line="28"/>
        <source>The selection runs across a paragraph break (%1 characters).</source>
        <translation>يمتد التحديد عبر فاصل بين فقرتين (%1 حرفًا).</translation>
    </message>
    <message>
        <location filename="../../ui/span_checks.py" line="31"/>
        <source>The selection is %1 characters long, more than the %2 the settings allow without asking.</source>
        <translation>طول التحديد %1 حرفًا، أي أكثر من %2 تسمح بها الإعدادات دون سؤال.</translation>
    </message>
    <message>
        <location filename="../../ui/span_checks.py" line="36"/>
        <source>Label a long span?</source>
        <translation>تصنيف مقطع طويل؟</translation>
    </message>
    <message>
        <location filename="../../ui/span_checks.py" line="35"/>
        <source>Label it all the same?</source>
        <translation>أتصنّفه مع ذلك؟</translation>
    </message>
</context>
<context>
    <name>SpanTable</name>
    <message>
        <location filename="../../ui/span_table.py" line="145"/>
        <source>all agree</source>
        <translation>اتفاق تام</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="146"/>
        <source>some</source>
        <translation>بعضهم</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="147"/>
        <source>conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="148"/>
        <source>gold</source>
        <translation>ذهبي</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="149"/>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../ui/tooltips.py" line="24"/>
        <source>rejected by %1</source>
        <translation>رفضه %1</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../ui/span_table.py" line="72"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="73"/>
        <source>Label</source>
        <translation>التصنيف</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="73"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="73"/>
        <source>Annotator</source>
        <translation>المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="73"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="93"/>
        <source>Not a %1 value: %2</source>
        <translation>ليست قيمة %1 صحيحة: %2</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="113"/>
        <source>Double-click to edit; a date as 2018-04-19, 2018-05 or 2018, anything else as a JSON object; empty clears it</source>
        <translation>انقر مرتين للتحرير؛ التاريخ هكذا 2018-04-19 أو 2018-05 أو 2018، وغيره كائن JSON؛ الفراغ يمحوها</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="50"/>
        <source>Reject suggestion %1</source>
        <translation>رفض اقتراح %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="150"/>
        <source>Suggestions could not be computed for this document.</source>
        <translation>تعذر حساب الاقتراحات لهذا المستند.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="193"/>
        <source>No more suggestions this way in this document.</source>
        <translation>لا اقتراحات أخرى في هذا الاتجاه في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="228"/>
        <source>Accept suggestion %1</source>
        <translation>قبول اقتراح %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="247"/>
        <source>Select a suggestion first (a click, or F6).</source>
        <translation>حدد اقتراحًا أولًا (بنقرة، أو F6).</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="250"/>
        <source>Accept %1 suggestions of %2</source>
        <translation>قبول %1 من اقتراحات %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotate_project.py" line="64"/>
        <location filename="../../ui/controllers/suggestions.py" line="273"/>
        <source>Select a span first: its text is labelled everywhere.</source>
        <translation>حدد مقطعًا أولًا: يوسم نصه في كل موضع.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotate_project.py" line="71"/>
        <source>Labelling “%1” as %2 in every document…</source>
        <translation>جارٍ وسم «%1» بـ %2 في كل المستندات…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotate_project.py" line="79"/>
        <source>Annotate all</source>
        <translation>وسم الكل</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotate_project.py" line="84"/>
        <source>No occurrence of this text left to label in the project (%1 already labelled).</source>
        <translation>لم يبق في المشروع موضع لهذا النص دون وسم (%1 موسومة من قبل).</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotate_project.py" line="87"/>
        <source>Labelled %1 as %2 in %3 documents; %4 skipped (already labelled)</source>
        <translation>وُسم %1 بـ %2 في %3 مستندات؛ وتُخطّي %4 (موسومة من قبل)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="279"/>
        <source>No other occurrence of this text left to label.</source>
        <translation>لم يبق موضع آخر لهذا النص دون وسم.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="281"/>
        <source>Label %1 more as %2</source>
        <translation>وسم %1 أخرى بـ %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="348"/>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="350"/>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="353"/>
        <source>Accept every suggestion of the selected one&apos;s label</source>
        <translation>قبول كل اقتراحات وسم الاقتراح المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="355"/>
        <source>Hide suggestions</source>
        <translation>إخفاء الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="357"/>
        <source>Annotate all: label the selected span&apos;s text everywhere in the document</source>
        <translation>وسم الكل: وسم نص المقطع المحدد أينما ورد في المستند</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="361"/>
        <source>Annotate all in the project: label the selected span&apos;s text in every document</source>
        <translation>وسم الكل في المشروع: وسم نص المقطع المحدد في كل المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="363"/>
        <source>Retrain suggestions from my labels</source>
        <translation>إعادة تدريب الاقتراحات على وسومي</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="365"/>
        <source>Stop retraining</source>
        <translation>إيقاف إعادة التدريب</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/suggestions.py" line="368"/>
        <source>S&amp;uggestions</source>
        <translation>الا&amp;قتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="109"/>
        <source>Suggestions are already being retrained.</source>
        <translation>يجري تدريب الاقتراحات من جديد بالفعل.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="112"/>
        <source>Learning from labels needs Annotator installed with pip; this bundle proposes with the rules only.</source>
        <translation>التعلم من الوسوم يتطلب تثبيت Annotator عبر pip؛ هذه الحزمة تقترح بالقواعد فقط.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="122"/>
        <source>Retraining suggestions from %1&apos;s labels in the background…</source>
        <translation>جارٍ إعادة تدريب الاقتراحات على وسوم %1 في الخلفية…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="127"/>
        <source>No retraining is running.</source>
        <translation>لا تجري أي إعادة تدريب الآن.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="130"/>
        <source>Retraining stopped; the model stored before is kept.</source>
        <translation>أُوقفت إعادة التدريب؛ وبقي النموذج المحفوظ سابقًا.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="156"/>
        <source>Suggestions retrained from your labels: the next document you open uses them.</source>
        <translation>أُعيد تدريب الاقتراحات على وسومك: يستخدمها المستند التالي الذي تفتحه.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="162"/>
        <source>Nothing to learn from yet: label some spans first.</source>
        <translation>لا شيء للتعلم منه بعد: ضع بعض الوسوم أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/learned_suggestions.py" line="164"/>
        <source>Retraining the suggestions failed (exit status %1).</source>
        <translation>فشلت إعادة تدريب الاقتراحات (رمز الخروج %1).</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../ui/value_text.py" line="21"/>
        <source>killed</source>
        <translation>قتيل</translation>
    </message>
    <message>
        <location filename="../../ui/value_text.py" line="21"/>
        <source>injured</source>
        <translation>جريح</translation>
    </message>
    <message>
        <location filename="../../ui/value_text.py" line="25"/>
        <source>a number not given</source>
        <translation>عدد غير مذكور</translation>
    </message>
    <message>
        <location filename="../../ui/value_text.py" line="27"/>
        <source>approximate</source>
        <translation>تقريبي</translation>
    </message>
    <message>
        <location filename="../../ui/value_text.py" line="48"/>
        <source>Not a value: %1 (write 2018-04-19 or a JSON object)</source>
        <translation>ليست قيمة: %1 (اكتب 2018-04-19 أو كائن JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/value_text.py" line="51"/>
        <source>A value is a JSON object, such as {&quot;killed&quot;: 3}</source>
        <translation>القيمة كائن JSON، مثل {&quot;killed&quot;: 3}</translation>
    </message>
</context>
</TS>
