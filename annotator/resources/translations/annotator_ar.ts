<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="56"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="64"/>
        <source>Click a cell of the heatmap to list where that pair disagrees.</source>
        <translation>انقر خلية في الخريطة الحرارية لعرض مواضع خلاف الثنائي.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="92"/>
        <source>Cohen&apos;s kappa, token labels</source>
        <translation>كابا كوهين، تصنيفات الكلمات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="102"/>
        <source>Span F1 (exact) per label, mean over pairs</source>
        <translation>F1 للمقاطع (تطابق تام) لكل تصنيف، متوسط الأزواج</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="118"/>
        <source>%1 and %2 disagree on %3 span(s); double-click one to open it.</source>
        <translation>يختلف %1 و%2 في %3 مقطعًا؛ انقر مرتين على أحدها لفتحه.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="46"/>
        <source>Welcome to Annotator</source>
        <translation>مرحبًا بك في Annotator</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="47"/>
        <source>Your name, as it goes on your spans:</source>
        <translation>اسمك كما سيظهر على تعليقاتك:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="56"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="116"/>
        <source>This project was made by an older Annotator; a copy of it as it was is kept in %1</source>
        <translation>أُنشئ هذا المشروع بإصدار أقدم من Annotator؛ احتُفظ بنسخة منه كما كان في %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="120"/>
        <source>Waiting for another program (an import?) to finish writing to the project…</source>
        <translation>بانتظار برنامج آخر (استيراد؟) حتى ينتهي من الكتابة في المشروع…</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../ui/article_view.py" line="326"/>
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
        <location filename="../../ui/commands.py" line="71"/>
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="86"/>
        <source>Change %1</source>
        <translation>تعديل %1</translation>
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
        <location filename="../../ui/document_list.py" line="68"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="68"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="68"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/find_bar.py" line="24"/>
        <source>Find (ignores diacritics and letter variants)</source>
        <translation>بحث (يتجاهل التشكيل وصور الحروف)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="30"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>النتيجة السابقة (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="31"/>
        <source>Next match (Enter)</source>
        <translation>النتيجة التالية (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="32"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="70"/>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="72"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../formats/brat.py" line="226"/>
        <source>brat standoff (folder)</source>
        <translation>brat standoff (مجلد)</translation>
    </message>
    <message>
        <location filename="../../formats/conll.py" line="189"/>
        <source>CoNLL / BIO</source>
        <translation>CoNLL / BIO</translation>
    </message>
    <message>
        <location filename="../../formats/csv_table.py" line="102"/>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (جداول البيانات)</translation>
    </message>
    <message>
        <location filename="../../formats/doccano.py" line="83"/>
        <source>doccano</source>
        <translation>doccano</translation>
    </message>
    <message>
        <location filename="../../formats/hf.py" line="60"/>
        <source>Hugging Face datasets</source>
        <translation>Hugging Face datasets</translation>
    </message>
    <message>
        <location filename="../../formats/jsonl.py" line="101"/>
        <source>JSON Lines (Annotator)</source>
        <translation>JSON Lines (Annotator)</translation>
    </message>
    <message>
        <location filename="../../formats/labelstudio.py" line="198"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>This project has no articles yet.</source>
        <translation>لا توجد مقالات في هذا المشروع بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Open the sample article</source>
        <translation>افتح المقال النموذجي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="70"/>
        <location filename="../../ui/window_actions.py" line="73"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="71"/>
        <location filename="../../ui/window_actions.py" line="73"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="86"/>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="87"/>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="88"/>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="89"/>
        <source>Merge annotators&apos; projects…</source>
        <translation>دمج مشاريع المُعلِّقين…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="103"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="104"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="105"/>
        <source>Strip clitic</source>
        <translation>نزع السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="106"/>
        <source>Exact (sub-word) selection</source>
        <translation>تحديد دقيق (داخل الكلمة)</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="109"/>
        <source>Select inside words; hold Alt while dragging for a single exact selection</source>
        <translation>التحديد داخل الكلمات؛ اضغط Alt أثناء السحب لتحديد دقيق لمرة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="110"/>
        <source>Find…</source>
        <translation>بحث…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="111"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="113"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="114"/>
        <source>Actual size</source>
        <translation>الحجم الفعلي</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="115"/>
        <source>Dark palette</source>
        <translation>ألوان داكنة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="116"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="117"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="118"/>
        <source>Mark done</source>
        <translation>تعليم كمنجز</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="120"/>
        <source>Annotator name…</source>
        <translation>اسم المُعلِّق…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="121"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="122"/>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="125"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <location filename="../../ui/window_actions.py" line="126"/>
        <source>Review mode</source>
        <translation>وضع المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="128"/>
        <source>Everyone&apos;s spans and the gold layer; accept, reject, adjudicate</source>
        <translation>مقاطع الجميع والطبقة الذهبية؛ اقبل وارفض واحكم</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="129"/>
        <source>Accept span into gold</source>
        <translation>قبول المقطع في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="130"/>
        <source>Reject span</source>
        <translation>رفض المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="131"/>
        <source>Accept all spans everyone agrees on</source>
        <translation>قبول كل المقاطع المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="133"/>
        <source>Next disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="135"/>
        <source>Agreement dashboard…</source>
        <translation>لوحة الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="136"/>
        <source>Side by side…</source>
        <translation>جنبًا إلى جنب…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="148"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="150"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="133"/>
        <location filename="../../ui/window_actions.py" line="153"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="156"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="158"/>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="159"/>
        <source>&amp;Review</source>
        <translation>&amp;مراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="162"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="165"/>
        <source>&amp;Settings</source>
        <translation>&amp;إعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="167"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="170"/>
        <source>As the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="176"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="180"/>
        <source>Labels</source>
        <translation>التصنيفات</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="190"/>
        <source>Label the selection as %1 (key %2)</source>
        <translation>صنّف التحديد بوصفه %1 (المفتاح %2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Document %1 of %2 · %3 · %4 spans</source>
        <translation>المستند %1 من %2 · %3 · %4 مقطعًا</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="32"/>
        <source>Already in the gold layer.</source>
        <translation>موجود في الطبقة الذهبية من قبل.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="34"/>
        <source>Accept %1</source>
        <translation>قبول %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="61"/>
        <source>Not in the gold layer.</source>
        <translation>ليس في الطبقة الذهبية.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="70"/>
        <source>No agreed spans left to accept.</source>
        <translation>لم يبقَ مقطع متفق عليه للقبول.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="72"/>
        <source>Accept %1 agreed spans</source>
        <translation>قبول %1 مقطعًا متفقًا عليه</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="91"/>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="94"/>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Agreement dashboard</source>
        <translation>لوحة الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>The dashboard needs matplotlib: pip install &apos;annotator[dashboard]&apos;</source>
        <translation>تحتاج اللوحة إلى matplotlib: pip install &apos;annotator[dashboard]&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="80"/>
        <source>No disagreements left in this document.</source>
        <translation>لا خلافات باقية في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>No more documents in this direction.</source>
        <translation>لا مستندات أخرى في هذا الاتجاه.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="93"/>
        <source>Could not save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="94"/>
        <source>The change was not saved: %1

Try again?</source>
        <translation>لم يُحفظ التغيير: %1

هل تحاول مجددًا؟</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="98"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="133"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="150"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="164"/>
        <source>Cancelled: nothing was stored.</source>
        <translation>أُلغي: لم يُحفظ شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="31"/>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا ثم اضغط مفتاح التصنيف.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="45"/>
        <source>This is %1&apos;s span: accept it into gold (A) to edit it there.</source>
        <translation>هذا مقطع %1: اقبله في الطبقة الذهبية (A) لتعديله هناك.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>Annotator: %1</source>
        <translation>المُعلِّق: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Annotator name</source>
        <translation>اسم المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>Your name, as it goes on your spans:</source>
        <translation>اسمك كما سيظهر على تعليقاتك:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="41"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="42"/>
        <source>Articles (%1);;All files (*)</source>
        <translation>مقالات (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="48"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="64"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="66"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="67"/>
        <source>Nothing was imported.

%1</source>
        <translation>لم يُستورد شيء.

%1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="74"/>
        <source>Imported %1 new document(s), %2 already present.</source>
        <translation>استُورد %1 مستندًا جديدًا، و%2 موجود من قبل.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="85"/>
        <source>Merge annotators&apos; projects</source>
        <translation>دمج مشاريع المُعلِّقين</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="103"/>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="106"/>
        <source>Merge failed</source>
        <translation>فشل الدمج</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="119"/>
        <source>Merged: %1 new span(s); %2 deletion(s) applied, %3 re-add(s) of deleted spans refused.</source>
        <translation>تم الدمج: %1 مقطعًا جديدًا؛ نُفِّذ %2 حذفًا، ورُفضت %3 محاولة لإعادة مقاطع محذوفة.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="123"/>
        <source>Conflicts</source>
        <translation>تعارضات</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="137"/>
        <source>Export into a folder</source>
        <translation>تصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="148"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="150"/>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="155"/>
        <source>Exported %1 span(s) to %2</source>
        <translation>صُدّر %1 مقطعًا إلى %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="157"/>
        <source>Exported %1 document(s) to %2</source>
        <translation>صُدّر %1 مستندًا إلى %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="160"/>
        <source>%1 span(s) widened to token edges, %2 dropped</source>
        <translation>وُسِّع %1 مقطعًا إلى حدود الكلمات، وأُسقط %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>Open or create a project</source>
        <translation>فتح مشروع أو إنشاؤه</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="86"/>
        <location filename="../../ui/main_window.py" line="418"/>
        <source>Annotator projects (*.db);;All files (*)</source>
        <translation>مشاريع Annotator (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>%1 in %2</source>
        <translation>%1 في %2</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="72"/>
        <source>Spaces at the edges were left out of the span.</source>
        <translation>استُبعدت المسافات من طرفي المقطع.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/labelling.py" line="101"/>
        <source>The edge moved on past the space: spans never end in one.</source>
        <translation>تجاوز الطرف المسافة: لا يبدأ المقطع بمسافة ولا ينتهي بها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435"/>
        <source>Project not found</source>
        <translation>المشروع غير موجود</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436"/>
        <source>%1 is no longer there; it has been removed from the recent projects.</source>
        <translation>لم يعد %1 موجودًا، فأُزيل من المشاريع الأخيرة.</translation>
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
        <location filename="../../ui/shortcut_sheet.py" line="14"/>
        <source>Label the selection, or relabel the selected span</source>
        <translation>صنّف التحديد، أو غيّر تصنيف المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="15"/>
        <source>Alt + drag</source>
        <translation>Alt + سحب</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="16"/>
        <source>Select inside a word (no snapping)</source>
        <translation>التحديد داخل كلمة (دون توسيع)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="17"/>
        <source>Delete the selected span</source>
        <translation>حذف المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="18"/>
        <source>Next / previous span</source>
        <translation>المقطع التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="19"/>
        <source>Move the selected span&apos;s left edge</source>
        <translation>تحريك الحافة اليسرى للمقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="20"/>
        <source>Move the selected span&apos;s right edge</source>
        <translation>تحريك الحافة اليمنى للمقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="21"/>
        <source>Next / previous match while finding</source>
        <translation>النتيجة التالية / السابقة أثناء البحث</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="22"/>
        <source>Clear the selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="29"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="36"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/shortcut_sheet.py" line="36"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <location filename="../../ui/side_by_side.py" line="19"/>
        <source>Side by side</source>
        <translation>جنبًا إلى جنب</translation>
    </message>
</context>
<context>
    <name>SpanChecks</name>
    <message>
        <location filename="../../ui/span_checks.py" line="26"/>
        <source>The selection runs across a paragraph break (%1 characters).</source>
        <translation>يمتد التحديد عبر فاصل بين فقرتين (%1 حرفًا).</translation>
    </message>
    <message>
        <location filename="../../ui/span_checks.py" line="28"/>
        <source>The selection is %1 characters long, more than the %2 the settings allow without asking.</source>
        <translation>طول التحديد %1 حرفًا، أي أكثر من %2 تسمح بها الإعدادات دون سؤال.</translation>
    </message>
    <message>
        <location filename="../../ui/span_checks.py" line="31"/>
        <source>Label a long span?</source>
        <translation>تصنيف مقطع طويل؟</translation>
    </message>
    <message>
        <location filename="../../ui/span_checks.py" line="32"/>
        <source>Label it all the same?</source>
        <translation>أتصنّفه مع ذلك؟</translation>
    </message>
</context>
<context>
    <name>SpanTable</name>
    <message>
        <location filename="../../ui/span_table.py" line="90"/>
        <source>all agree</source>
        <translation>اتفاق تام</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="91"/>
        <source>some</source>
        <translation>بعضهم</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="92"/>
        <source>conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="93"/>
        <source>gold</source>
        <translation>ذهبي</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../ui/span_table.py" line="57"/>
        <source>Label</source>
        <translation>التصنيف</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="57"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="57"/>
        <source>Annotator</source>
        <translation>المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../ui/span_table.py" line="57"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
</context>
</TS>
