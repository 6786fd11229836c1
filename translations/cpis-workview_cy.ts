<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>Display</name>
    <message>
        <source>Today %1</source>
        <translation>Heddiw %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Ddoe %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Yfory %1</translation>
    </message>
    <message>
        <source>A&amp;E</source>
        <translation>Adran Achosion Brys</translation>
    </message>
    <message>
        <source>DHU-111</source>
        <translation>DHU-111</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>%1 · Overdue</source>
        <translation>%1 · Yn hwyr</translation>
    </message>
    <message>
        <source>%1 · Due soon</source>
        <translation>%1 · Yn ddyledus cyn bo hir</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mis</numerusform>
            <numerusform>%n mis</numerusform>
            <numerusform>%n mis</numerusform>
            <numerusform>%n mis</numerusform>
            <numerusform>%n mis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>Urgent</source>
        <translation>Brys</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Arferol</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Heb ei wneud</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>yn dod i mewn</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>ar y gweill</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>wedi gorffen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>wedi&apos;i ganslo</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>heb ei anfon eto</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>wedi&apos;i anfon</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>wedi&apos;i gydnabod</translation>
    </message>
    <message>
        <source>Child protection plan</source>
        <translation>Cynllun amddiffyn plant</translation>
    </message>
    <message>
        <source>Unborn child protection plan</source>
        <translation>Cynllun amddiffyn plentyn heb ei eni</translation>
    </message>
    <message>
        <source>1. CPIS Follow Up</source>
        <translation>1. CPIS Follow Up</translation>
    </message>
    <message>
        <source>2. Next actions</source>
        <translation>2. Camau nesaf</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Gwryw</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Benyw</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>anhysbys</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>anweithredol</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>wedi&apos;i ddisodli</translation>
    </message>
    <message>
        <source>Key Worker</source>
        <translation>Gweithiwr Allweddol</translation>
    </message>
    <message>
        <source>Team Manager</source>
        <translation>Rheolwr Tîm</translation>
    </message>
    <message>
        <source>C1 Interim care order (s38)</source>
        <translation>C1 Gorchymyn gofal interim (s38)</translation>
    </message>
    <message>
        <source>C2 Full care order (s31)</source>
        <translation>C2 Gorchymyn gofal llawn (s31)</translation>
    </message>
    <message>
        <source>D1 Freeing order</source>
        <translation>D1 Gorchymyn rhyddhau</translation>
    </message>
    <message>
        <source>E1 Placement order</source>
        <translation>E1 Gorchymyn lleoli</translation>
    </message>
    <message>
        <source>J1 Remanded to local authority accommodation</source>
        <translation>J1 Wedi&apos;i remandio i lety&apos;r awdurdod lleol</translation>
    </message>
    <message>
        <source>J2 Accommodated under PACE (police detention)</source>
        <translation>J2 Wedi&apos;i letya dan PACE (cadw gan yr heddlu)</translation>
    </message>
    <message>
        <source>J3 Youth rehabilitation order with a residence requirement</source>
        <translation>J3 Gorchymyn adsefydlu ieuenctid gyda gofyniad preswylio</translation>
    </message>
    <message>
        <source>L1 Police protection, in local authority accommodation</source>
        <translation>L1 Diogelwch yr heddlu, yn llety&apos;r awdurdod lleol</translation>
    </message>
    <message>
        <source>L2 Emergency protection order (s44)</source>
        <translation>L2 Gorchymyn diogelu brys (s44)</translation>
    </message>
    <message>
        <source>L3 Child assessment order (s43), in local authority accommodation</source>
        <translation>L3 Gorchymyn asesu plentyn (s43), yn llety&apos;r awdurdod lleol</translation>
    </message>
    <message>
        <source>V2 Accommodated, single period (s20)</source>
        <translation>V2 Wedi&apos;i letya, un cyfnod (s20)</translation>
    </message>
    <message>
        <source>V3 Short breaks, each stay recorded (s20)</source>
        <translation>V3 Seibiannau byr, pob arhosiad wedi&apos;i gofnodi (s20)</translation>
    </message>
    <message>
        <source>V4 Short breaks, the agreement recorded (s20)</source>
        <translation>V4 Seibiannau byr, y cytundeb wedi&apos;i gofnodi (s20)</translation>
    </message>
</context>
<context>
    <name>KeyText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>MainWindowKeys</name>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>Llwybrau byr bysellfwrdd…</translation>
    </message>
    <message>
        <source>Quit CP-IS Workview</source>
        <translation>Gadael CP-IS Workview</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Torri</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copïo</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Gludo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Dewis y cyfan</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Dangos y manylion...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Cuddio&apos;r manylion...</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>CP-IS Workview</source>
        <translation>CP-IS Workview</translation>
    </message>
    <message>
        <source>CP-IS Workview: Child Protection - Information Sharing caseworker client.</source>
        <translation>CP-IS Workview: cleient gwaith achos ar gyfer CP-IS (Amddiffyn Plant - Rhannu Gwybodaeth).</translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation>conninfo</translation>
    </message>
    <message>
        <source>Render the window to this PNG once loaded, then exit.</source>
        <translation>Llunio&apos;r ffenestr i&apos;r ffeil PNG hon ar ôl llwytho, yna gadael.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ffeil</translation>
    </message>
    <message>
        <source>Sign in as this login without asking (the embedded database trusts it; a server uses your .pgpass or certificate).</source>
        <translation>Mewngofnodi fel yr enw hwn heb ofyn (mae&apos;r gronfa ddata fewnol yn ymddiried ynddo; mae gweinydd yn defnyddio eich .pgpass neu dystysgrif).</translation>
    </message>
    <message>
        <source>login</source>
        <translation>enw-mewngofnodi</translation>
    </message>
    <message>
        <source>Window size, e.g. 1920x1080.</source>
        <translation>Maint y ffenestr, e.e. 1920x1080.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>LxU</translation>
    </message>
    <message>
        <source>Use this language: en_GB (English) or cy (Welsh). The default is the setting ui/language, else the system language.</source>
        <translation>Defnyddio&apos;r iaith hon: en_GB (Saesneg) neu cy (Cymraeg). Y rhagosodiad yw&apos;r gosodiad ui/language, neu iaith y system.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>cod</translation>
    </message>
    <message>
        <source>Use this PostgreSQL connection string or URI instead of CPIS_DATABASE, PGHOST/PGSERVICE, the settings files or the embedded database.</source>
        <translation>Defnyddio&apos;r llinyn cysylltu neu URI PostgreSQL hwn yn lle CPIS_DATABASE, PGHOST/PGSERVICE, y ffeiliau gosodiadau neu&apos;r gronfa ddata fewnol.</translation>
    </message>
    <message>
        <source>Say which database would be used, and what chose it, then exit.</source>
        <translation>Dweud pa gronfa ddata a fyddai&apos;n cael ei defnyddio, a beth a&apos;i dewisodd, yna gadael.</translation>
    </message>
    <message>
        <source>Which database?</source>
        <translation>Pa gronfa ddata?</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Taflu</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Ceisio eto</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Rhoi ar waith</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Cymorth</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agor</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ie</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Na</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Rhoi&apos;r gorau iddi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Anwybyddu</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ailosod</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Adfer y rhagosodiadau</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Torri</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copïo</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Copïo &amp;lleoliad y ddolen</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Gludo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Dewis y cyfan</translation>
    </message>
</context>
<context>
    <name>RecordsImport</name>
    <message>
        <source>Checked %1 of %2 rows</source>
        <translation>Gwiriwyd %1 o %2 rhes</translation>
    </message>
    <message>
        <source>Applied the people of %1 of %2 rows</source>
        <translation>Cofnodwyd pobl %1 o %2 rhes</translation>
    </message>
    <message>
        <source>Applied the plans of %1 of %2 rows</source>
        <translation>Cofnodwyd cynlluniau %1 o %2 rhes</translation>
    </message>
    <message>
        <source>Saving the import of %1 rows</source>
        <translation>Yn cadw mewnforio %1 rhes</translation>
    </message>
</context>
<context>
    <name>RequestDocument</name>
    <message>
        <source>%1 : %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>Received %1 · Source %2 · Step %3</source>
        <translation>Derbyniwyd %1 · Ffynhonnell %2 · Cam gwaith %3</translation>
    </message>
    <message>
        <source>Child&apos;s Details</source>
        <translation>Manylion y Plentyn</translation>
    </message>
    <message>
        <source>Child&apos;s Name</source>
        <translation>Enw&apos;r Plentyn</translation>
    </message>
    <message>
        <source>Person ID</source>
        <translation>ID yr unigolyn</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation>Dyddiad Geni</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>Notification (who accessed CP-IS)</source>
        <translation>Hysbysiad (pwy a gyrchodd CP-IS)</translation>
    </message>
    <message>
        <source>No details recorded.</source>
        <translation>Dim manylion wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Cais</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Anfonwyd</translation>
    </message>
    <message>
        <source>To</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Wedi&apos;i gydnabod</translation>
    </message>
    <message>
        <source>by %1 at %2</source>
        <translation>gan %1 am %2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ddim eto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Next actions</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Dim.</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Cam nesaf</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi&apos;i neilltuo i</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Nid oedd modd ysgrifennu %1: %2</translation>
    </message>
</context>
<context>
    <name>RequestKeys</name>
    <message>
        <source>Acknowledge the request</source>
        <translation>Cydnabod y cais</translation>
    </message>
    <message>
        <source>Add a CP-IS Follow Up case note</source>
        <translation>Ychwanegu nodyn achos CP-IS Follow Up</translation>
    </message>
    <message>
        <source>Open the subject&apos;s person record</source>
        <translation>Agor cofnod yr unigolyn</translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation>Argraffu&apos;r ddogfen</translation>
    </message>
    <message>
        <source>Close the request</source>
        <translation>Cau&apos;r cais</translation>
    </message>
</context>
<context>
    <name>StepKeys</name>
    <message>
        <source>Save the step and send its request</source>
        <translation>Cadw&apos;r cam gwaith ac anfon ei gais</translation>
    </message>
    <message>
        <source>Finish the step</source>
        <translation>Gorffen y cam gwaith</translation>
    </message>
    <message>
        <source>CS Notification to Allocated Worker (new request)</source>
        <translation>CS Notification to Allocated Worker (cais newydd)</translation>
    </message>
    <message>
        <source>Add a next action</source>
        <translation>Ychwanegu cam nesaf</translation>
    </message>
    <message>
        <source>Go to section 1. CPIS Follow Up</source>
        <translation>Mynd i adran 1. CPIS Follow Up</translation>
    </message>
    <message>
        <source>Go to section 2. Next actions</source>
        <translation>Mynd i adran 2. Camau nesaf</translation>
    </message>
    <message>
        <source>Close the step</source>
        <translation>Cau&apos;r cam gwaith</translation>
    </message>
</context>
<context>
    <name>WorkviewKeys</name>
    <message>
        <source>Open the selected step or request</source>
        <translation>Agor y cam gwaith neu&apos;r cais a ddewiswyd</translation>
    </message>
    <message>
        <source>Start work on the selected step (or open it)</source>
        <translation>Dechrau gwaith ar y cam gwaith a ddewiswyd (neu ei agor)</translation>
    </message>
    <message>
        <source>Cancel work on the selected step</source>
        <translation>Canslo gwaith ar y cam gwaith a ddewiswyd</translation>
    </message>
    <message>
        <source>Acknowledge the selected alert</source>
        <translation>Cydnabod y rhybudd a ddewiswyd</translation>
    </message>
    <message>
        <source>Open the selected subject&apos;s person record</source>
        <translation>Agor cofnod yr unigolyn a ddewiswyd</translation>
    </message>
    <message>
        <source>Find in Current work</source>
        <translation>Chwilio yn y gwaith cyfredol</translation>
    </message>
    <message>
        <source>Refresh the workview</source>
        <translation>Adnewyddu&apos;r olwg gwaith</translation>
    </message>
    <message>
        <source>Move to the next panel</source>
        <translation>Symud i&apos;r panel nesaf</translation>
    </message>
    <message>
        <source>Move to the previous panel</source>
        <translation>Symud i&apos;r panel blaenorol</translation>
    </message>
</context>
<context>
    <name>cpis::DataQualityReport</name>
    <message>
        <source>No NHS number</source>
        <translation>Dim rhif GIG</translation>
    </message>
    <message>
        <source>NHS number fails the check</source>
        <translation>Rhif GIG yn methu&apos;r gwiriad</translation>
    </message>
    <message>
        <source>Rejected by CP-IS</source>
        <translation>Gwrthodwyd gan CP-IS</translation>
    </message>
    <message>
        <source>NHS number inactive</source>
        <translation>Rhif GIG anweithredol</translation>
    </message>
    <message>
        <source>Unborn children past their due date</source>
        <translation>Plant heb eu geni wedi pasio&apos;r dyddiad disgwyliedig</translation>
    </message>
    <message>
        <source>Legal name changed since the last upload</source>
        <translation>Enw cyfreithiol wedi newid ers yr uwchlwythiad diwethaf</translation>
    </message>
</context>
<context>
    <name>cpis::DatabaseError</name>
    <message>
        <source>Someone else is changing the same record and has not finished, so this was not done. Try again in a moment.</source>
        <translation>Mae rhywun arall yn newid yr un cofnod a heb orffen, felly ni wnaed hyn. Rhowch gynnig arall arni mewn munud.</translation>
    </message>
    <message>
        <source>The database took too long to answer, so this was stopped. Try again; if it happens again, tell your system administrator.</source>
        <translation>Cymerodd y gronfa ddata ormod o amser i ateb, felly cafodd hyn ei atal. Rhowch gynnig arall arni; os bydd yn digwydd eto, dywedwch wrth eich gweinyddwr system.</translation>
    </message>
</context>
<context>
    <name>cpis::ExchangeHealth</name>
    <message>
        <source>The exchange&apos;s health could not be read.</source>
        <translation>Nid oedd modd darllen cyflwr y cyfnewid.</translation>
    </message>
    <message>
        <source>%1 today</source>
        <translation>%1 heddiw</translation>
    </message>
    <message>
        <source>%1 yesterday</source>
        <translation>%1 ddoe</translation>
    </message>
    <message>
        <source>%1 tomorrow</source>
        <translation>%1 yfory</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 ar %2</translation>
    </message>
    <message>
        <source>last successful run at %1</source>
        <translation>rhediad llwyddiannus diwethaf am %1</translation>
    </message>
    <message>
        <source>no successful run yet</source>
        <translation>dim rhediad llwyddiannus eto</translation>
    </message>
    <message>
        <source>CP-IS exchange: not set up yet</source>
        <translation>Cyfnewid CP-IS: heb ei osod eto</translation>
    </message>
    <message>
        <source>CP-IS exchange: %1; next at %2</source>
        <translation>Cyfnewid CP-IS: %1; nesaf am %2</translation>
    </message>
    <message>
        <source>CP-IS exchange: %1; the %2 run has not succeeded (it is %3)</source>
        <translation>Cyfnewid CP-IS: %1; nid yw rhediad %2 wedi llwyddo (mae&apos;n %3)</translation>
    </message>
    <message>
        <source>CP-IS exchange: %1; the run at %2 has not succeeded (it is %3)</source>
        <translation>Cyfnewid CP-IS: %1; nid yw&apos;r rhediad am %2 wedi llwyddo (mae&apos;n %3)</translation>
    </message>
    <message>
        <source>CP-IS uploads are not being sent: see the alert &quot;CP-IS upload not sent&quot; (or &quot;not valid&quot;) and Administration → Exchange monitor. Notifications are still collected.</source>
        <translation>Nid yw uwchlwythiadau CP-IS yn cael eu hanfon: gweler y rhybudd &quot;CP-IS upload not sent&quot; (neu &quot;not valid&quot;) a Gweinyddu → Monitor cyfnewid. Mae hysbysiadau&apos;n dal i gael eu casglu.</translation>
    </message>
    <message>
        <source>notifications from CP-IS are not being collected</source>
        <translation>nid yw hysbysiadau CP-IS yn cael eu casglu</translation>
    </message>
    <message>
        <source>uploads to CP-IS are not being sent (see the CP-IS upload alerts)</source>
        <translation>nid yw uwchlwythiadau i CP-IS yn cael eu hanfon (gweler rhybuddion uwchlwytho CP-IS)</translation>
    </message>
</context>
<context>
    <name>cpis::MeshClient</name>
    <message>
        <source>Message %1 is larger than %2 MiB un-gzipped, the most taken in</source>
        <translation>Mae neges %1 yn fwy na %2 MiB heb ei chywasgu, y mwyaf a dderbynnir</translation>
    </message>
    <message>
        <source>It was not stored or acknowledged; ask the sender what it is.</source>
        <translation>Ni chafodd ei storio na&apos;i gydnabod; gofynnwch i&apos;r anfonwr beth ydyw.</translation>
    </message>
    <message>
        <source>MESH sent message %1 gzipped, but it could not be un-gzipped</source>
        <translation>Anfonodd MESH neges %1 wedi&apos;i chywasgu â gzip, ond nid oedd modd ei datgywasgu</translation>
    </message>
    <message>
        <source>Message %1 arrived damaged: its contents do not match the checksum it was sent with (mex-Content-Checksum)</source>
        <translation>Cyrhaeddodd neges %1 wedi&apos;i difrodi: nid yw ei chynnwys yn cyfateb i&apos;r swm gwirio a anfonwyd gyda hi (mex-Content-Checksum)</translation>
    </message>
    <message>
        <source>It was not stored or acknowledged, so it stays in the MESH inbox for the next exchange.</source>
        <translation>Ni chafodd ei storio na&apos;i gydnabod, felly mae&apos;n aros ym mewnflwch MESH tan y cyfnewid nesaf.</translation>
    </message>
    <message>
        <source>%1 bytes is too small to hold a gzipped chunk</source>
        <translation>Mae %1 beit yn rhy fach i ddal darn wedi&apos;i gywasgu â gzip</translation>
    </message>
    <message>
        <source>validate the mailbox</source>
        <translation>dilysu&apos;r blwch post</translation>
    </message>
    <message>
        <source>list the inbox</source>
        <translation>rhestru&apos;r mewnflwch</translation>
    </message>
    <message>
        <source>MESH&apos;s inbox list has no &quot;messages&quot; array</source>
        <translation>Nid oes arae &quot;messages&quot; yn rhestr mewnflwch MESH</translation>
    </message>
    <message>
        <source>MESH pointed the next inbox page at another server (%1)</source>
        <translation>Cyfeiriodd MESH dudalen nesaf y mewnflwch at weinydd arall (%1)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a MESH message id</source>
        <translation>Nid yw &quot;%1&quot; yn ddynodydd neges MESH</translation>
    </message>
    <message>
        <source>download message %1</source>
        <translation>lawrlwytho neges %1</translation>
    </message>
    <message>
        <source>MESH sent the first part of message %1 without a valid Mex-Chunk-Range (&quot;%2&quot;)</source>
        <translation>Anfonodd MESH ran gyntaf neges %1 heb Mex-Chunk-Range dilys (&quot;%2&quot;)</translation>
    </message>
    <message>
        <source>download chunk %1 of %2 of message %3</source>
        <translation>lawrlwytho darn %1 o %2 o neges %3</translation>
    </message>
    <message>
        <source>MESH sent chunk &quot;%1&quot; of message %2 when chunk %3:%4 was asked for</source>
        <translation>Anfonodd MESH ddarn &quot;%1&quot; o neges %2 pan ofynnwyd am ddarn %3:%4</translation>
    </message>
    <message>
        <source>acknowledge message %1</source>
        <translation>cydnabod neges %1</translation>
    </message>
    <message>
        <source>A MESH message needs a recipient mailbox (mex-To)</source>
        <translation>Mae angen blwch post derbynnydd (mex-To) ar neges MESH</translation>
    </message>
    <message>
        <source>A MESH message needs a workflow id (mex-WorkflowID)</source>
        <translation>Mae angen dynodydd llif gwaith (mex-WorkflowID) ar neges MESH</translation>
    </message>
    <message>
        <source>A MESH header value may not hold control characters or line breaks: &quot;%1&quot;</source>
        <translation>Ni chaiff gwerth pennawd MESH gynnwys nodau rheoli na thoriadau llinell: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>ffeil</translation>
    </message>
    <message>
        <source>send %1</source>
        <translation>anfon %1</translation>
    </message>
    <message>
        <source>MESH accepted %1 but gave no valid message id</source>
        <translation>Derbyniodd MESH %1 ond ni roddodd ddynodydd neges dilys</translation>
    </message>
    <message>
        <source>send chunk %1 of %2 of %3 (message %4)</source>
        <translation>anfon darn %1 o %2 o %3 (neges %4)</translation>
    </message>
    <message>
        <source>track %1</source>
        <translation>olrhain %1</translation>
    </message>
    <message>
        <source>MESH&apos;s tracking answer for %1 is not JSON</source>
        <translation>Nid yw ateb olrhain MESH ar gyfer %1 yn JSON</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>neges %1</translation>
    </message>
    <message>
        <source>local id %1</source>
        <translation>dynodydd lleol %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be tracked as a MESH local id (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only)</source>
        <translation>Ni ellir olrhain &quot;%1&quot; fel dynodydd lleol MESH (llythrennau, digidau, &apos;.&apos;, &apos;_&apos; a &apos;-&apos; yn unig)</translation>
    </message>
    <message>
        <source>no %1 file is set; MESH over https needs it for mutual TLS</source>
        <translation>nid oes ffeil %1 wedi&apos;i gosod; mae ei hangen ar MESH dros https ar gyfer TLS cilyddol</translation>
    </message>
    <message>
        <source>the %1 file %2 does not exist</source>
        <translation>nid yw&apos;r ffeil %1 %2 yn bodoli</translation>
    </message>
    <message>
        <source>the %1 file %2 cannot be read: %3</source>
        <translation>ni ellir darllen y ffeil %1 %2: %3</translation>
    </message>
    <message>
        <source>the file %1 holds no PEM certificate</source>
        <translation>nid oes tystysgrif PEM yn y ffeil %1</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>allwedd breifat</translation>
    </message>
    <message>
        <source>the file %1 holds no unencrypted PEM private key (RSA or EC)</source>
        <translation>nid oes allwedd breifat PEM heb ei hamgryptio (RSA neu EC) yn y ffeil %1</translation>
    </message>
    <message>
        <source>MESH setting %1: %2</source>
        <translation>Gosodiad MESH %1: %2</translation>
    </message>
    <message>
        <source>this build of Qt has no TLS support; install Qt&apos;s OpenSSL backend</source>
        <translation>nid oes gan y fersiwn hwn o Qt gymorth TLS; gosodwch gefn OpenSSL Qt</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>tystysgrif cleient</translation>
    </message>
    <message>
        <source>the certificate in %1 expired on %2</source>
        <translation>daeth y dystysgrif yn %1 i ben ar %2</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Tystysgrif CA</translation>
    </message>
    <message>
        <source>no server URL is set</source>
        <translation>nid oes URL gweinydd wedi&apos;i osod</translation>
    </message>
    <message>
        <source>%1 is not a valid URL</source>
        <translation>Nid yw %1 yn URL dilys</translation>
    </message>
    <message>
        <source>the URL must not carry a user name or password</source>
        <translation>ni chaiff yr URL gynnwys enw defnyddiwr na chyfrinair</translation>
    </message>
    <message>
        <source>%1 is not an https URL</source>
        <translation>Nid yw %1 yn URL https</translation>
    </message>
    <message>
        <source>%1 uses plain http, which is only allowed for a loopback address; use https</source>
        <translation>Mae %1 yn defnyddio http plaen, sydd ond yn cael ei ganiatáu ar gyfer cyfeiriad dolen-ôl; defnyddiwch https</translation>
    </message>
    <message>
        <source>no mailbox id is set</source>
        <translation>nid oes dynodydd blwch post wedi&apos;i osod</translation>
    </message>
    <message>
        <source>a mailbox id has only letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>dim ond llythrennau, digidau, &apos;.&apos;, &apos;-&apos; a &apos;_&apos; sydd mewn dynodydd blwch post</translation>
    </message>
    <message>
        <source>no mailbox password is set</source>
        <translation>nid oes cyfrinair blwch post wedi&apos;i osod</translation>
    </message>
    <message>
        <source>no shared secret is set (MESH gives one per environment)</source>
        <translation>nid oes cyfrinach a rennir wedi&apos;i gosod (mae MESH yn rhoi un i bob amgylchedd)</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>rhaid iddo fod yn fwy na 0</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>ni chaiff fod yn negatif</translation>
    </message>
    <message>
        <source> (MESH error %1)</source>
        <translation> (gwall MESH %1)</translation>
    </message>
    <message>
        <source>%1 (MESH error %2)</source>
        <translation>%1 (gwall MESH %2)</translation>
    </message>
    <message>
        <source>MESH server at %1 did not answer within %2 s</source>
        <translation>Ni atebodd gweinydd MESH yn %1 o fewn %2 e</translation>
    </message>
    <message>
        <source>MESH server at %1 could not be reached: %2</source>
        <translation>Nid oedd modd cyrraedd gweinydd MESH yn %1: %2</translation>
    </message>
    <message>
        <source>Check the settings mesh.client_cert, mesh.client_key and mesh.ca_cert.</source>
        <translation>Gwiriwch y gosodiadau mesh.client_cert, mesh.client_key a mesh.ca_cert.</translation>
    </message>
    <message>
        <source>MESH server at %1 announced %2 bytes but %3 arrived</source>
        <translation>Cyhoeddodd gweinydd MESH yn %1 %2 beit ond cyrhaeddodd %3</translation>
    </message>
    <message>
        <source>MESH refused the credentials (403) of mailbox %1</source>
        <translation>Gwrthododd MESH fanylion mewngofnodi (403) blwch post %1</translation>
    </message>
    <message>
        <source>Check the settings mesh.mailbox, mesh.password and mesh.shared_secret, and that this computer&apos;s clock is right: a token is only valid for two hours.</source>
        <translation>Gwiriwch y gosodiadau mesh.mailbox, mesh.password a mesh.shared_secret, a bod cloc y cyfrifiadur hwn yn gywir: dim ond am ddwy awr y mae tocyn yn ddilys.</translation>
    </message>
    <message>
        <source>MESH server at %1 failed to %2 (HTTP %3)%4</source>
        <translation>Methodd gweinydd MESH yn %1 %2 (HTTP %3)%4</translation>
    </message>
    <message>
        <source>Try again later; if it goes on, ask the MESH service desk.</source>
        <translation>Rhowch gynnig arall arni yn nes ymlaen; os yw&apos;n parhau, gofynnwch i ddesg wasanaeth MESH.</translation>
    </message>
    <message>
        <source>MESH refused to %1 (HTTP %2)%3</source>
        <translation>Gwrthododd MESH %1 (HTTP %2)%3</translation>
    </message>
    <message>
        <source>MESH answered the request to %1 with HTTP %2, which this client does not expect</source>
        <translation>Atebodd MESH y cais i %1 gyda HTTP %2, nad yw&apos;r cleient hwn yn ei ddisgwyl</translation>
    </message>
</context>
<context>
    <name>cpis::Refusal</name>
    <message>
        <source>Only Safeguarding Admin can start CP-IS steps.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all ddechrau camau gwaith CP-IS.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin can cancel CP-IS steps.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all ganslo camau gwaith CP-IS.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin can work on CP-IS steps.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all weithio ar gamau gwaith CP-IS.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin can finish CP-IS steps.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all orffen camau gwaith CP-IS.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin can send requests from CP-IS steps.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all anfon ceisiadau o gamau gwaith CP-IS.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin can add next actions.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all ychwanegu camau nesaf.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin can change next actions.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all newid camau nesaf.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin can remove next actions.</source>
        <translation>Dim ond y Gweinyddwr Diogelu all dynnu camau nesaf.</translation>
    </message>
    <message>
        <source>Only the CP-IS exchange can create CP-IS steps.</source>
        <translation>Dim ond cyfnewid CP-IS all greu camau gwaith CP-IS.</translation>
    </message>
    <message>
        <source>Only system administrators can add users.</source>
        <translation>Dim ond gweinyddwyr system all ychwanegu defnyddwyr.</translation>
    </message>
    <message>
        <source>Only system administrators can change the configuration.</source>
        <translation>Dim ond gweinyddwyr system all newid y ffurfweddiad.</translation>
    </message>
    <message>
        <source>Only key workers, team managers and Safeguarding Admin can add case notes.</source>
        <translation>Dim ond gweithwyr allweddol, rheolwyr tîm a&apos;r Gweinyddwr Diogelu all ychwanegu nodiadau achos.</translation>
    </message>
    <message>
        <source>Only key workers, team managers and Safeguarding Admin can change case notes.</source>
        <translation>Dim ond gweithwyr allweddol, rheolwyr tîm a&apos;r Gweinyddwr Diogelu all newid nodiadau achos.</translation>
    </message>
    <message>
        <source>Only Safeguarding Admin, team managers, administrators and the exchange can raise alerts.</source>
        <translation>Dim ond y Gweinyddwr Diogelu, rheolwyr tîm, gweinyddwyr a&apos;r cyfnewid all godi rhybuddion.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>Nid oes gennych ganiatâd i wneud hynny.</translation>
    </message>
    <message>
        <source>Only system administrators can list users.</source>
        <translation>Dim ond gweinyddwyr systemau all restru defnyddwyr.</translation>
    </message>
    <message>
        <source>Only system administrators can disable users.</source>
        <translation>Dim ond gweinyddwyr systemau all analluogi defnyddwyr.</translation>
    </message>
    <message>
        <source>Only system administrators can enable users.</source>
        <translation>Dim ond gweinyddwyr systemau all alluogi defnyddwyr.</translation>
    </message>
    <message>
        <source>Only system administrators can set users&apos; passwords.</source>
        <translation>Dim ond gweinyddwyr systemau all osod cyfrineiriau defnyddwyr.</translation>
    </message>
    <message>
        <source>Only system administrators can change users&apos; roles.</source>
        <translation>Dim ond gweinyddwyr systemau all newid rolau defnyddwyr.</translation>
    </message>
    <message>
        <source>Only users of CP-IS Workview can change their password here.</source>
        <translation>Dim ond defnyddwyr CP-IS Workview all newid eu cyfrinair yma.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AboutDialog</name>
    <message>
        <source>About CP-IS Workview</source>
        <translation>Ynghylch CP-IS Workview</translation>
    </message>
    <message>
        <source>&lt;b&gt;CP-IS Workview&lt;/b&gt;&lt;br&gt;Caseworker client for CP-IS (Child Protection - Information Sharing)</source>
        <translation>&lt;b&gt;CP-IS Workview&lt;/b&gt;&lt;br&gt;Rhaglen gwaith achos ar gyfer CP-IS (Amddiffyn Plant - Rhannu Gwybodaeth)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fersiwn</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Database server</source>
        <translation>Gweinydd y gronfa ddata</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cronfa ddata</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Fersiwn sgema</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Wedi mewngofnodi fel</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>Not known: %1</source>
        <translation>Anhysbys: %1</translation>
    </message>
    <message>
        <source>socket in %1, port %2</source>
        <translation>soced yn %1, porth %2</translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation>%1, porth %2</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Ychwanegu defnyddiwr</translation>
    </message>
    <message>
        <source>e.g. jane.okafor</source>
        <translation>e.e. jane.okafor</translation>
    </message>
    <message>
        <source>optional; a new team is made</source>
        <translation>dewisol; gwneir tîm newydd</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Enw mewngofnodi</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Enw &amp;llawn</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Tîm</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rôl</translation>
    </message>
    <message>
        <source>The new user gets a one-time password, shown once when they are added; they choose their own when they first sign in.</source>
        <translation>Mae&apos;r defnyddiwr newydd yn cael cyfrinair untro, a ddangosir unwaith pan gaiff ei ychwanegu; mae&apos;n dewis ei gyfrinair ei hun pan fydd yn mewngofnodi gyntaf.</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Ychwanegu defnyddiwr</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Newidiadau heb eu cadw</translation>
    </message>
    <message>
        <source>Add this user before closing?</source>
        <translation>Ychwanegu&apos;r defnyddiwr hwn cyn cau?</translation>
    </message>
    <message>
        <source>The user is not added yet. Discard closes without adding them.</source>
        <translation>Nid yw&apos;r defnyddiwr wedi&apos;i ychwanegu eto. Mae Taflu yn cau heb ei ychwanegu.</translation>
    </message>
    <message>
        <source>Login and full name are required.</source>
        <translation>Mae angen enw mewngofnodi ac enw llawn.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AlertsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Codwyd</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Rhybudd</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AlertsPanel</name>
    <message>
        <source>Alerts (%1)</source>
        <translation>Rhybuddion (%1)</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge alert</source>
        <translation>Cydnabod y &amp;rhybudd</translation>
    </message>
    <message>
        <source>Record that you have dealt with the selected alert</source>
        <translation>Cofnodi eich bod wedi delio â&apos;r rhybudd a ddewiswyd</translation>
    </message>
    <message>
        <source>Alerts could not be loaded: %1</source>
        <translation>Nid oedd modd llwytho&apos;r rhybuddion: %1</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Heb ei gydnabod: %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Rhybuddion</translation>
    </message>
</context>
<context>
    <name>cpis::ui::BankHolidayModel</name>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Bank holiday</source>
        <translation>Gŵyl banc</translation>
    </message>
</context>
<context>
    <name>cpis::ui::BirthDialog</name>
    <message>
        <source>Record the birth</source>
        <translation>Cofnodi&apos;r enedigaeth</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/BBBB</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Dyddiad geni:</translation>
    </message>
    <message>
        <source>Legal &amp;forename(s):</source>
        <translation>&amp;Enw(au) cyntaf cyfreithiol:</translation>
    </message>
    <message>
        <source>Legal &amp;surname:</source>
        <translation>&amp;Cyfenw cyfreithiol:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Rhywedd:</translation>
    </message>
    <message>
        <source>The child&apos;s own &amp;NHS number:</source>
        <translation>&amp;Rhif GIG y plentyn ei hun:</translation>
    </message>
    <message>
        <source>Start a &amp;child protection plan the same day</source>
        <translation>Dechrau cynllun amddiffyn &amp;plant yr un diwrnod</translation>
    </message>
    <message>
        <source>The unborn child protection plan ends on the date of birth. CP-IS is then sent the child&apos;s own NHS number instead of the mother&apos;s.</source>
        <translation>Daw&apos;r cynllun amddiffyn plentyn heb ei eni i ben ar y dyddiad geni. Yna anfonir rhif GIG y plentyn ei hun i CP-IS yn lle rhif y fam.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>Mae&apos;r dyddiad geni yn y dyfodol.</translation>
    </message>
    <message>
        <source>Type the legal forename(s), exactly as on the birth certificate.</source>
        <translation>Teipiwch yr enw(au) cyntaf cyfreithiol, yn union fel ar y dystysgrif geni.</translation>
    </message>
    <message>
        <source>Type the legal surname, exactly as on the birth certificate.</source>
        <translation>Teipiwch y cyfenw cyfreithiol, yn union fel ar y dystysgrif geni.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::CancelWorkDialog</name>
    <message>
        <source>Cancel work</source>
        <translation>Canslo gwaith</translation>
    </message>
    <message>
        <source>Cancel the CPIS Follow Up step for &lt;b&gt;%1&lt;/b&gt;? It leaves Current work and no request is sent.</source>
        <translation>Canslo cam gwaith CPIS Follow Up &lt;b&gt;%1&lt;/b&gt;? Bydd yn gadael Gwaith cyfredol ac ni anfonir unrhyw gais.</translation>
    </message>
    <message>
        <source>Choose or type a reason</source>
        <translation>Dewiswch neu teipiwch reswm</translation>
    </message>
    <message>
        <source>&amp;Reason*</source>
        <translation>&amp;Rheswm*</translation>
    </message>
    <message>
        <source>Cancel &amp;work</source>
        <translation>Canslo &amp;gwaith</translation>
    </message>
    <message>
        <source>&amp;Keep the step</source>
        <translation>&amp;Cadw&apos;r cam gwaith</translation>
    </message>
    <message>
        <source>A reason is required to cancel work.</source>
        <translation>Mae angen rheswm i ganslo gwaith.</translation>
    </message>
    <message>
        <source>Reason not used</source>
        <translation>Rheswm heb ei ddefnyddio</translation>
    </message>
    <message>
        <source>Cancel the work with the reason you gave?</source>
        <translation>Canslo&apos;r gwaith gyda&apos;r rheswm a roesoch?</translation>
    </message>
    <message>
        <source>Cancel work takes the step off Current work with this reason. Discard keeps the step and forgets the reason; Cancel goes back to the reason.</source>
        <translation>Mae Canslo gwaith yn tynnu&apos;r cam oddi ar Gwaith cyfredol gyda&apos;r rheswm hwn. Mae Taflu yn cadw&apos;r cam ac yn anghofio&apos;r rheswm; mae Canslo yn mynd yn ôl at y rheswm.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::CaseNoteDialog</name>
    <message>
        <source>Continue case note : %1</source>
        <translation>Parhau â&apos;r nodyn achos : %1</translation>
    </message>
    <message>
        <source>Add case note : %1</source>
        <translation>Ychwanegu nodyn achos : %1</translation>
    </message>
    <message>
        <source>State what action was taken as a result of the notification.</source>
        <translation>Nodwch pa gamau a gymerwyd o ganlyniad i&apos;r hysbysiad.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Contact &amp;date*</source>
        <translation>&amp;Dyddiad cyswllt*</translation>
    </message>
    <message>
        <source>&amp;Note*</source>
        <translation>&amp;Nodyn*</translation>
    </message>
    <message>
        <source>A finished note cannot be changed: it can only be followed by another.</source>
        <translation>Ni ellir newid nodyn gorffenedig: dim ond nodyn arall all ei ddilyn.</translation>
    </message>
    <message>
        <source>Save as &amp;draft</source>
        <translation>Cadw fel d&amp;rafft</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Gorffen</translation>
    </message>
    <message>
        <source>The case note is empty: say what action was taken.</source>
        <translation>Mae&apos;r nodyn achos yn wag: dywedwch pa gamau a gymerwyd.</translation>
    </message>
    <message>
        <source>The connection to the database was lost before the note was confirmed saved. Your note is kept here; save again when the connection is back: it is saved only once.</source>
        <translation>Collwyd y cysylltiad â&apos;r gronfa ddata cyn cadarnhau bod y nodyn wedi&apos;i gadw. Caiff eich nodyn ei gadw yma; cadwch eto pan fydd y cysylltiad yn ôl: dim ond unwaith y caiff ei gadw.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Heb ei gadw: %1</translation>
    </message>
    <message>
        <source>Unsaved case note</source>
        <translation>Nodyn achos heb ei gadw</translation>
    </message>
    <message>
        <source>Save the case note as a draft before closing?</source>
        <translation>Cadw&apos;r nodyn achos fel drafft cyn cau?</translation>
    </message>
    <message>
        <source>What you typed is not saved yet. Discard loses it; Cancel goes back to the note.</source>
        <translation>Nid yw&apos;r hyn a deipiwyd gennych wedi&apos;i gadw eto. Mae Gwaredu yn ei golli; mae Canslo yn mynd yn ôl i&apos;r nodyn.</translation>
    </message>
    <message>
        <source>Not saved: the note was already finished by the earlier try, with the text it had then. Your later changes are still here: copy them into a new note.</source>
        <translation>Heb ei gadw: roedd y nodyn eisoes wedi&apos;i orffen gan yr ymgais gynharach, gyda&apos;r testun oedd ganddo bryd hynny. Mae eich newidiadau diweddarach yma o hyd: copïwch nhw i nodyn newydd.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>Dewis cyfrinair newydd</translation>
    </message>
    <message>
        <source>You signed in with a one-time password from a system administrator. Choose your own password before you go on.</source>
        <translation>Rydych wedi mewngofnodi gyda chyfrinair untro gan weinyddwr systemau. Dewiswch eich cyfrinair eich hun cyn mynd ymlaen.</translation>
    </message>
    <message>
        <source>Choose a new password for your login.</source>
        <translation>Dewiswch gyfrinair newydd ar gyfer eich enw mewngofnodi.</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Cyfrinair newydd</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Ailadrodd</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Newid cyfrinair</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>The new password must be at least %1 characters.</source>
        <translation>Rhaid i&apos;r cyfrinair newydd fod o leiaf %1 nod.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Nid yw&apos;r ddau gyfrinair yr un fath.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ConfigurationWindow</name>
    <message>
        <source>Request types</source>
        <translation>Mathau o gais</translation>
    </message>
    <message>
        <source>Next actions</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Reasons for a next action</source>
        <translation>Rhesymau dros gam nesaf</translation>
    </message>
    <message>
        <source>Case-note types</source>
        <translation>Mathau o nodyn achos</translation>
    </message>
    <message>
        <source>Reasons to cancel work</source>
        <translation>Rhesymau dros ganslo gwaith</translation>
    </message>
    <message>
        <source>DHU / 111 calls</source>
        <translation>Galwadau DHU / 111</translation>
    </message>
    <message>
        <source>A&amp;E</source>
        <translation>Adran Achosion Brys</translation>
    </message>
    <message>
        <source>Configuration tools</source>
        <translation>Offer ffurfweddu</translation>
    </message>
    <message>
        <source>Reload (drop my changes)</source>
        <translation>Ail-lwytho (gollwng fy newidiadau)</translation>
    </message>
    <message>
        <source>CP-IS</source>
        <translation>CP-IS</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Oriau swyddfa</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Cyfnewid</translation>
    </message>
    <message>
        <source>Lists and templates</source>
        <translation>Rhestrau a thempledi</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Save stores the settings, templates and alert recipients you changed, all or nothing. List items and bank holidays are saved as you change them.</source>
        <translation>Mae Cadw yn storio&apos;r gosodiadau, y templedi a derbynwyr y rhybuddion a newidiwyd gennych, y cyfan neu ddim. Caiff eitemau rhestr a gwyliau banc eu cadw wrth i chi eu newid.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Newidiadau heb eu cadw</translation>
    </message>
    <message>
        <source>Save the configuration changes before closing?</source>
        <translation>Cadw&apos;r newidiadau i&apos;r ffurfweddiad cyn cau?</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Discard throws them away.</source>
        <translation>Heb eu cadw eto: %1. Mae Taflu yn cael gwared arnynt.</translation>
    </message>
    <message>
        <source>type a new one to replace it</source>
        <translation>teipiwch un newydd i&apos;w ddisodli</translation>
    </message>
    <message>
        <source>Write-only: nobody can read it back here. Leave empty to keep the stored one.</source>
        <translation>Ysgrifennu yn unig: ni all neb ei ddarllen yn ôl yma. Gadewch yn wag i gadw&apos;r un sydd wedi&apos;i storio.</translation>
    </message>
    <message>
        <source>Plans shared with CP-IS</source>
        <translation>Cynlluniau a rennir â CP-IS</translation>
    </message>
    <message>
        <source>Work step and next action (CPIS Follow Up for CP-IS Worker)</source>
        <translation>Cam gwaith a cham nesaf (CPIS Follow Up ar gyfer CP-IS Worker)</translation>
    </message>
    <message>
        <source>Case note and alert (for the worker or team below)</source>
        <translation>Nodyn achos a rhybudd (ar gyfer y gweithiwr neu&apos;r tîm isod)</translation>
    </message>
    <message>
        <source>Handling mode</source>
        <translation>Dull ymdrin</translation>
    </message>
    <message>
        <source>What an Access to Service Notification becomes.</source>
        <translation>Beth mae Hysbysiad Mynediad at Wasanaeth yn ei ddod.</translation>
    </message>
    <message>
        <source>Target worker or team</source>
        <translation>Gweithiwr neu dîm targed</translation>
    </message>
    <message>
        <source>With case note and alert: the worker (name or login) or team that gets the alert. Empty: the child&apos;s key worker.</source>
        <translation>Gyda nodyn achos a rhybudd: y gweithiwr (enw neu enw mewngofnodi) neu&apos;r tîm sy&apos;n cael y rhybudd. Gwag: gweithiwr allweddol y plentyn.</translation>
    </message>
    <message>
        <source>Authority ODS code</source>
        <translation>Cod ODS yr awdurdod</translation>
    </message>
    <message>
        <source>Our organisation code in uploads: 3 to 8 capital letters or digits.</source>
        <translation>Cod ein sefydliad mewn uwchlwythiadau: 3 i 8 priflythyren neu ddigid.</translation>
    </message>
    <message>
        <source>Known organisations</source>
        <translation>Sefydliadau hysbys</translation>
    </message>
    <message>
        <source>Where a notification comes from, for organisations we know: ODS=category, comma separated, e.g. RTG=minor_injury_unit. Categories: emergency_department, urgent_treatment, minor_injury_unit, out_of_hours_111 (proposes the DHU/111 note), other. Others: a system is 111 or out of hours, a person an emergency department.</source>
        <translation>O ble daw hysbysiad, ar gyfer sefydliadau rydym yn eu hadnabod: ODS=categori, wedi&apos;u gwahanu gan gomas, e.e. RTG=minor_injury_unit. Categorïau: emergency_department, urgent_treatment, minor_injury_unit, out_of_hours_111 (yn cynnig nodyn DHU/111), other. Eraill: system yw 111 neu y tu allan i oriau, person yw adran achosion brys.</translation>
    </message>
    <message>
        <source>DMS schema folder</source>
        <translation>Ffolder sgemâu DMS</translation>
    </message>
    <message>
        <source>The folder of NHS England&apos;s CP-IS schemas (Schemas/, dt/, ...) on the exchange&apos;s machine: every message is checked against them before it is sent or processed. Empty: not checked.</source>
        <translation>Ffolder sgemâu CP-IS GIG Lloegr (Schemas/, dt/, ...) ar beiriant y gyfnewidfa: caiff pob neges ei gwirio yn eu herbyn cyn ei hanfon neu ei phrosesu. Gwag: dim gwirio.</translation>
    </message>
    <message>
        <source>When the CP-IS inbox is worked, e.g. 09:30-16:30.</source>
        <translation>Pryd y gweithir ar fewnflwch CP-IS, e.e. 09:30-16:30.</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Diwrnodau gwaith</translation>
    </message>
    <message>
        <source>e.g. Mon-Fri, or Mon,Tue,Thu. Bank holidays below are never working days.</source>
        <translation>e.e. Mon-Fri, neu Mon,Tue,Thu. Nid yw&apos;r gwyliau banc isod byth yn ddiwrnodau gwaith.</translation>
    </message>
    <message>
        <source>Handling time</source>
        <translation>Amser ymdrin</translation>
    </message>
    <message>
        <source>How long until a step or request is due, in working time: e.g. 1 working day, 2 working days, 4 working hours.</source>
        <translation>Faint o amser sydd tan fod cam gwaith neu gais yn ddyledus, mewn amser gwaith: e.e. 1 working day, 2 working days, 4 working hours.</translation>
    </message>
    <message>
        <source>Bank holidays (England and Wales)</source>
        <translation>Gwyliau banc (Cymru a Lloegr)</translation>
    </message>
    <message>
        <source>Name, e.g. Christmas Day</source>
        <translation>Enw, e.e. Dydd Nadolig</translation>
    </message>
    <message>
        <source>Add bank holiday</source>
        <translation>Ychwanegu gŵyl banc</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Tynnu&apos;r un a ddewiswyd</translation>
    </message>
    <message>
        <source>Bank holiday %1 saved.</source>
        <translation>Cadwyd gŵyl banc %1.</translation>
    </message>
    <message>
        <source>Select the bank holiday to remove.</source>
        <translation>Dewiswch yr ŵyl banc i&apos;w thynnu.</translation>
    </message>
    <message>
        <source>Bank holiday %1 (%2) removed.</source>
        <translation>Tynnwyd gŵyl banc %1 (%2).</translation>
    </message>
    <message>
        <source>MESH server</source>
        <translation>Gweinydd MESH</translation>
    </message>
    <message>
        <source>https://… (plain http only to this machine, for testing).</source>
        <translation>https://… (http plaen dim ond i&apos;r peiriant hwn, ar gyfer profi).</translation>
    </message>
    <message>
        <source>Our mailbox</source>
        <translation>Ein blwch post</translation>
    </message>
    <message>
        <source>Mailbox password</source>
        <translation>Cyfrinair y blwch post</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Cyfrinach a rennir</translation>
    </message>
    <message>
        <source>CP-IS mailbox</source>
        <translation>Blwch post CP-IS</translation>
    </message>
    <message>
        <source>Where uploads go.</source>
        <translation>I ble mae uwchlwythiadau&apos;n mynd.</translation>
    </message>
    <message>
        <source>Upload workflow id</source>
        <translation>Dynodydd llif gwaith uwchlwytho</translation>
    </message>
    <message>
        <source>The workflow id NHS England assigned for uploads.</source>
        <translation>Y dynodydd llif gwaith a neilltuwyd gan GIG Lloegr ar gyfer uwchlwythiadau.</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Ffeil tystysgrif cleient</translation>
    </message>
    <message>
        <source>PEM files on the machine that runs the exchange, for mutual TLS.</source>
        <translation>Ffeiliau PEM ar y peiriant sy&apos;n rhedeg y cyfnewid, ar gyfer TLS cilyddol.</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Ffeil allwedd cleient</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Ffeil tystysgrif CA</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Amserlen</translation>
    </message>
    <message>
        <source>Times of day the exchange runs, e.g. 08:00,11:00,14:00,16:45.</source>
        <translation>Adegau o&apos;r dydd y mae&apos;r cyfnewid yn rhedeg, e.e. 08:00,11:00,14:00,16:45.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Profi&apos;r cysylltiad</translation>
    </message>
    <message>
        <source>Test connection performs a MESH handshake with the server, mailbox and files above and the password and shared secret typed above (the stored ones cannot be read back). Nothing is saved by testing.</source>
        <translation>Mae Profi&apos;r cysylltiad yn gwneud ysgwyd llaw MESH gyda&apos;r gweinydd, y blwch post a&apos;r ffeiliau uchod a&apos;r cyfrinair a&apos;r gyfrinach a rennir a deipiwyd uchod (ni ellir darllen y rhai sydd wedi&apos;u storio yn ôl). Nid oes dim yn cael ei gadw wrth brofi.</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Rhestrau</translation>
    </message>
    <message>
        <source>A new item, or the new name for the selected one</source>
        <translation>Eitem newydd, neu&apos;r enw newydd ar gyfer yr un a ddewiswyd</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ychwanegu</translation>
    </message>
    <message>
        <source>Rename selected</source>
        <translation>Ailenwi&apos;r un a ddewiswyd</translation>
    </message>
    <message>
        <source>Retire selected</source>
        <translation>Ymddeol yr un a ddewiswyd</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Symud i fyny</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Symud i lawr</translation>
    </message>
    <message>
        <source>Items are never deleted: a retired item is no longer offered, and what was recorded with it keeps it. Add a retired item&apos;s name again to bring it back.</source>
        <translation>Ni chaiff eitemau byth eu dileu: nid yw eitem wedi&apos;i hymddeol yn cael ei chynnig mwyach, ac mae&apos;r hyn a gofnodwyd gyda hi yn ei chadw. Ychwanegwch enw eitem wedi&apos;i hymddeol eto i&apos;w hadfer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; added to %2.</source>
        <translation>Ychwanegwyd &quot;%1&quot; at %2.</translation>
    </message>
    <message>
        <source>Select the item to rename, type its new name, then Rename.</source>
        <translation>Dewiswch yr eitem i&apos;w hailenwi, teipiwch ei henw newydd, yna Ailenwi.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; renamed to &quot;%2&quot;.</source>
        <translation>Ailenwyd &quot;%1&quot; yn &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Select the item to retire.</source>
        <translation>Dewiswch yr eitem i&apos;w hymddeol.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; retired: it is no longer offered.</source>
        <translation>Mae &quot;%1&quot; wedi&apos;i ymddeol: nid yw&apos;n cael ei gynnig mwyach.</translation>
    </message>
    <message>
        <source>Note templates (the note a request proposes)</source>
        <translation>Templedi nodiadau (y nodyn y mae cais yn ei gynnig)</translation>
    </message>
    <message>
        <source>%1 template name</source>
        <translation>Enw templed %1</translation>
    </message>
    <message>
        <source>%1 note</source>
        <translation>Nodyn %1</translation>
    </message>
    <message>
        <source>The configuration could not be read: %1</source>
        <translation>Nid oedd modd darllen y ffurfweddiad: %1</translation>
    </message>
    <message>
        <source>Another administrator changed the configuration while you were editing. Your changes are not saved: Save stores the fields you changed over theirs; Reload shows theirs and drops yours.</source>
        <translation>Newidiodd gweinyddwr arall y ffurfweddiad tra oeddech chi&apos;n golygu. Nid yw eich newidiadau wedi&apos;u cadw: mae Cadw yn storio&apos;r meysydd a newidiwyd gennych dros eu rhai nhw; mae Ail-lwytho yn dangos eu rhai nhw ac yn gollwng eich rhai chi.</translation>
    </message>
    <message>
        <source>set</source>
        <translation>wedi&apos;i osod</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>heb ei osod</translation>
    </message>
    <message>
        <source>Configuration tools — unsaved changes</source>
        <translation>Offer ffurfweddu — newidiadau heb eu cadw</translation>
    </message>
    <message>
        <source>Nothing to save: no setting or template was changed.</source>
        <translation>Dim i&apos;w gadw: ni newidiwyd unrhyw osodiad na thempled.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Ni chadwyd dim: %1</translation>
    </message>
    <message>
        <source>Saved: %1. Every open client uses them from now on.</source>
        <translation>Wedi&apos;i gadw: %1. Mae pob cleient agored yn eu defnyddio o hyn ymlaen.</translation>
    </message>
    <message>
        <source>%1 (%2 to correct)</source>
        <translation>%1 (%2 i&apos;w cywiro)</translation>
    </message>
    <message>
        <source>Nothing was saved: 1 field needs correcting (shown in red).</source>
        <translation>Ni chadwyd dim: mae angen cywiro 1 maes (wedi&apos;i ddangos mewn coch).</translation>
    </message>
    <message>
        <source>Nothing was saved: %1 fields need correcting (shown in red).</source>
        <translation>Ni chadwyd dim: mae angen cywiro %1 maes (wedi&apos;u dangos mewn coch).</translation>
    </message>
    <message>
        <source>Type the mailbox password and the shared secret above to test with them: the stored ones are write-only and cannot be read back, not even here. Testing does not save them.</source>
        <translation>Teipiwch gyfrinair y blwch post a&apos;r gyfrinach a rennir uchod i brofi gyda nhw: mae&apos;r rhai sydd wedi&apos;u storio yn rhai ysgrifennu yn unig ac ni ellir eu darllen yn ôl, ddim hyd yn oed yma. Nid yw profi yn eu cadw.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Yn profi&apos;r cysylltiad â %1…</translation>
    </message>
    <message>
        <source>Connected: MESH accepted the handshake for mailbox %1.</source>
        <translation>Wedi cysylltu: derbyniodd MESH yr ysgwyd llaw ar gyfer blwch post %1.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Methodd y prawf: %1</translation>
    </message>
    <message>
        <source>Select the item to move.</source>
        <translation>Dewiswch yr eitem i&apos;w symud.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; moved.</source>
        <translation>Symudwyd &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Bank holidays</source>
        <translation>Gwyliau banc</translation>
    </message>
    <message>
        <source>CP-IS settings</source>
        <translation>Gosodiadau CP-IS</translation>
    </message>
    <message>
        <source>Exchange settings</source>
        <translation>Gosodiadau cyfnewid</translation>
    </message>
    <message>
        <source>List items</source>
        <translation>Eitemau rhestr</translation>
    </message>
    <message>
        <source>Short breaks, often for disabled children: never shared with CP-IS.</source>
        <translation>Seibiannau byr, yn aml i blant anabl: ni chânt eu rhannu â CP-IS byth.</translation>
    </message>
    <message>
        <source>Child protection plans and the DfE looked-after legal statuses whose children health staff see flagged. V3 and V4 are short breaks, often for disabled children, and are never shared.</source>
        <translation>Cynlluniau amddiffyn plant a statwsau cyfreithiol yr Adran Addysg ar gyfer plant sy&apos;n derbyn gofal, y mae staff iechyd yn gweld baner ar eu cyfer. Seibiannau byr yw V3 a V4, yn aml i blant anabl, ac ni chânt eu rhannu byth.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The sending authority.&lt;/b&gt; CP-IS shows these to clinicians beside every flag, so that they can call us about the child. No upload is sent until all four are set.</source>
        <translation>&lt;b&gt;Yr awdurdod sy&apos;n anfon.&lt;/b&gt; Mae CP-IS yn dangos y rhain i glinigwyr wrth ymyl pob baner, er mwyn iddynt allu ein ffonio am y plentyn. Nid anfonir unrhyw uwchlwythiad nes bod y pedwar wedi&apos;u gosod.</translation>
    </message>
    <message>
        <source>Authority name</source>
        <translation>Enw&apos;r awdurdod</translation>
    </message>
    <message>
        <source>As clinicians should see it, up to 100 characters, e.g. Northshire County Council Children&apos;s Services.</source>
        <translation>Fel y dylai clinigwyr ei weld, hyd at 100 nod, e.e. Northshire County Council Children&apos;s Services.</translation>
    </message>
    <message>
        <source>Telephone, office hours</source>
        <translation>Ffôn, oriau swyddfa</translation>
    </message>
    <message>
        <source>10 to 15 digits, spaces and a leading + allowed, e.g. 01632 960000.</source>
        <translation>10 i 15 digid, gyda bylchau a + ar y dechrau os mynnwch, e.e. 01632 960000.</translation>
    </message>
    <message>
        <source>Telephone, out of hours</source>
        <translation>Ffôn, y tu allan i oriau swyddfa</translation>
    </message>
    <message>
        <source>The emergency duty team, e.g. 01632 960999.</source>
        <translation>Y tîm dyletswydd brys, e.e. 01632 960999.</translation>
    </message>
    <message>
        <source>System administrators</source>
        <translation>Gweinyddwyr system</translation>
    </message>
    <message>
        <source>Safeguarding Admin</source>
        <translation>Gweinyddwr Diogelu</translation>
    </message>
    <message>
        <source>Team managers</source>
        <translation>Rheolwyr tîm</translation>
    </message>
    <message>
        <source>Key workers</source>
        <translation>Gweithwyr allweddol</translation>
    </message>
    <message>
        <source>Who receives each CP-IS alert: any of a role, a team, a worker and, for an alert about a child, the child&apos;s key worker. Nobody receives an alert about a restricted child unless they may see the child.</source>
        <translation>Pwy sy&apos;n cael pob rhybudd CP-IS: unrhyw un o rôl, tîm, gweithiwr ac, ar gyfer rhybudd am blentyn, gweithiwr allweddol y plentyn. Nid oes neb yn cael rhybudd am blentyn cyfyngedig oni bai y caiff weld y plentyn.</translation>
    </message>
    <message>
        <source>%1: role</source>
        <translation>%1: rôl</translation>
    </message>
    <message>
        <source>%1: team</source>
        <translation>%1: tîm</translation>
    </message>
    <message>
        <source>%1: worker</source>
        <translation>%1: gweithiwr</translation>
    </message>
    <message>
        <source>Child&apos;s key worker</source>
        <translation>Gweithiwr allweddol y plentyn</translation>
    </message>
    <message>
        <source>This alert is not about a child.</source>
        <translation>Nid yw&apos;r rhybudd hwn am blentyn.</translation>
    </message>
    <message>
        <source>No role</source>
        <translation>Dim rôl</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Dim tîm</translation>
    </message>
    <message>
        <source>No worker</source>
        <translation>Dim gweithiwr</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Alert recipients</source>
        <translation>Derbynwyr rhybuddion</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Rhybuddion</translation>
    </message>
    <message>
        <source>&lt;b&gt;The records feed.&lt;/b&gt; Children on plans from the authority&apos;s main case system, imported on the schedule above.</source>
        <translation>&lt;b&gt;Ffrwd y cofnodion.&lt;/b&gt; Plant ar gynlluniau o brif system achosion yr awdurdod, wedi’u mewnforio ar yr amserlen uchod.</translation>
    </message>
    <message>
        <source>Records import folder</source>
        <translation>Ffolder mewnforio cofnodion</translation>
    </message>
    <message>
        <source>A folder on the machine that runs the exchange service, e.g. /srv/cpis/records-in, where the main case system leaves its CSV files. At each run the exchange imports every file there once, then moves it into done/ (every row applied) or refused/ (the file or a row refused) in that folder, with a report file beside it; the records officers get an alert. Empty: no scheduled import.</source>
        <translation>Ffolder ar y peiriant sy’n rhedeg y gwasanaeth cyfnewid, e.e. /srv/cpis/records-in, lle mae’r brif system achosion yn gadael ei ffeiliau CSV. Bob tro y mae’n rhedeg, mae’r gyfnewidfa’n mewnforio pob ffeil yno unwaith, yna’n ei symud i done/ (pob rhes wedi’i chymhwyso) neu refused/ (y ffeil neu res wedi’i gwrthod) yn y ffolder honno, gyda ffeil adroddiad wrth ei hochr; mae’r swyddogion cofnodion yn cael rhybudd. Gwag: dim mewnforio wedi’i amserlennu.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::CurrentWorkModel</name>
    <message>
        <source>No key worker</source>
        <translation>Dim gweithiwr allweddol</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>Derbyniwyd %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Erbyn %1</translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation>Dechreuwyd gan %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Key Worker</source>
        <translation>Gweithiwr Allweddol</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Dechreuwyd gan</translation>
    </message>
</context>
<context>
    <name>cpis::ui::DataQualityModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Child (person ID)</source>
        <translation>Plentyn (ID yr unigolyn)</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>What is wrong, and what to do</source>
        <translation>Beth sydd o&apos;i le, a beth i&apos;w wneud</translation>
    </message>
</context>
<context>
    <name>cpis::ui::DataQualityWindow</name>
    <message>
        <source>Data quality: children in CP-IS scope</source>
        <translation>Ansawdd data: plant o fewn cwmpas CP-IS</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>Yn llwytho&apos;r ffigurau…</translation>
    </message>
    <message>
        <source>The children behind the figure</source>
        <translation>Y plant y tu ôl i&apos;r ffigur</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nobody is on this list.</source>
        <translation>Nid oes neb ar y rhestr hon.</translation>
    </message>
    <message>
        <source>&amp;Open person record</source>
        <translation>&amp;Agor cofnod yr unigolyn</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>A&amp;llforio i CSV…</translation>
    </message>
    <message>
        <source>Save every list (not only this one) as a CSV file</source>
        <translation>Cadw pob rhestr (nid hon yn unig) fel ffeil CSV</translation>
    </message>
    <message>
        <source>No children are in CP-IS scope (none on a shared plan).</source>
        <translation>Nid oes plant o fewn cwmpas CP-IS (dim un ar gynllun a rennir).</translation>
    </message>
    <message>
        <source>✔ %1% matched — meets the %2% CP-IS requires</source>
        <translation>✔ %1% wedi&apos;u paru — yn cyrraedd y %2% sydd ei angen ar CP-IS</translation>
    </message>
    <message>
        <source>⚠ %1% matched — below the %2% CP-IS requires</source>
        <translation>⚠ %1% wedi&apos;u paru — yn is na&apos;r %2% sydd ei angen ar CP-IS</translation>
    </message>
    <message>
        <source>Counting the data quality figures…</source>
        <translation>Yn cyfrif y ffigurau ansawdd data…</translation>
    </message>
    <message>
        <source>The figures could not be loaded.</source>
        <translation>Nid oedd modd llwytho&apos;r ffigurau.</translation>
    </message>
    <message>
        <source>Counting the figures was cancelled. They are counted again when the data changes, or when you open this window again.</source>
        <translation>Canslwyd cyfrif y ffigurau. Cânt eu cyfrif eto pan fydd y data&apos;n newid, neu pan fyddwch yn agor y ffenestr hon eto.</translation>
    </message>
    <message>
        <source>The data quality figures could not be loaded: %1</source>
        <translation>Nid oedd modd llwytho&apos;r ffigurau ansawdd data: %1</translation>
    </message>
    <message>
        <source>%1 of %2 children in CP-IS scope are matched (a verified NHS number accepted by CP-IS). For the other %3, health staff do not see the flag.</source>
        <translation>Mae %1 o&apos;r %2 plentyn sydd o fewn cwmpas CP-IS wedi&apos;u paru (rhif GIG wedi&apos;i wirio a dderbyniwyd gan CP-IS). Ar gyfer y %3 arall, nid yw staff iechyd yn gweld y faner.</translation>
    </message>
    <message>
        <source>Export data quality to CSV</source>
        <translation>Allforio ansawdd data i CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving the lists to %1…</source>
        <translation>Yn cadw&apos;r rhestrau yn %1…</translation>
    </message>
    <message>
        <source>Saved the lists (%1 rows) to %2.</source>
        <translation>Cadwyd y rhestrau (%1 rhes) yn %2.</translation>
    </message>
    <message>
        <source>Saving the CSV file was cancelled. Nothing was saved.</source>
        <translation>Canslwyd cadw&apos;r ffeil CSV. Ni chadwyd dim.</translation>
    </message>
    <message numerus="yes">
        <source>%n more child(ren) with a problem have restricted records you may not open: counted here, not listed.</source>
        <translation>
            <numerusform>Mae gan %n plentyn arall sydd â phroblem gofnodion cyfyngedig na chewch eu hagor: maen nhw wedi&apos;u cyfrif yma, ond heb eu rhestru.</numerusform>
            <numerusform>Mae gan %n plentyn arall sydd â phroblem gofnod cyfyngedig na chewch ei agor: wedi&apos;i gyfrif yma, ond heb ei restru.</numerusform>
            <numerusform>Mae gan %n plentyn arall sydd â phroblem gofnodion cyfyngedig na chewch eu hagor: maen nhw wedi&apos;u cyfrif yma, ond heb eu rhestru.</numerusform>
            <numerusform>Mae gan %n plentyn arall sydd â phroblem gofnodion cyfyngedig na chewch eu hagor: maen nhw wedi&apos;u cyfrif yma, ond heb eu rhestru.</numerusform>
            <numerusform>Mae gan %n plentyn arall sydd â phroblem gofnodion cyfyngedig na chewch eu hagor: maen nhw wedi&apos;u cyfrif yma, ond heb eu rhestru.</numerusform>
        </translation>
    </message>
    <message>
        <source>Children on this list</source>
        <translation>Plant ar y rhestr hon</translation>
    </message>
    <message>
        <source>Double-click a child or press Enter to open the person record at the action that fixes it.</source>
        <translation>Cliciwch ddwywaith ar blentyn neu pwyswch Enter i agor cofnod yr unigolyn wrth y cam sy&apos;n ei gywiro.</translation>
    </message>
    <message>
        <source>Notifications received from</source>
        <translation>Hysbysiadau a dderbyniwyd o</translation>
    </message>
    <message>
        <source>to</source>
        <translation>i</translation>
    </message>
    <message>
        <source>Export &amp;notifications…</source>
        <translation>Allforio &amp;hysbysiadau…</translation>
    </message>
    <message>
        <source>Save what happened to each CP-IS notification received in the period as a CSV file for the main case system</source>
        <translation>Cadw beth ddigwyddodd i bob hysbysiad CP-IS a dderbyniwyd yn y cyfnod fel ffeil CSV ar gyfer y brif system achosion</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a &quot;to&quot; date on or after the &quot;from&quot; date.</source>
        <translation>Mae’r cyfnod yn dod i ben cyn iddo ddechrau: dewiswch ddyddiad &quot;i&quot; ar neu ar ôl y dyddiad &quot;o&quot;.</translation>
    </message>
    <message>
        <source>Export notifications to CSV</source>
        <translation>Allforio hysbysiadau i CSV</translation>
    </message>
    <message>
        <source>Saving the notifications to %1…</source>
        <translation>Yn cadw’r hysbysiadau yn %1…</translation>
    </message>
    <message>
        <source>Saving the notifications was cancelled. Nothing was saved.</source>
        <translation>Cafodd cadw’r hysbysiadau ei ganslo. Ni chadwyd dim.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n notification(s) to %1.</source>
        <translation>
            <numerusform>Cadwyd %n hysbysiad yn %1.</numerusform>
            <numerusform>Cadwyd %n hysbysiad yn %1.</numerusform>
            <numerusform>Cadwyd %n hysbysiad yn %1.</numerusform>
            <numerusform>Cadwyd %n hysbysiad yn %1.</numerusform>
            <numerusform>Cadwyd %n hysbysiad yn %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Ansawdd data</translation>
    </message>
</context>
<context>
    <name>cpis::ui::EditDetailsDialog</name>
    <message>
        <source>Edit details and other names</source>
        <translation>Golygu manylion ac enwau eraill</translation>
    </message>
    <message>
        <source>Legal &amp;forename(s):</source>
        <translation>&amp;Enw(au) cyntaf cyfreithiol:</translation>
    </message>
    <message>
        <source>Legal &amp;surname:</source>
        <translation>&amp;Cyfenw cyfreithiol:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Rhywedd:</translation>
    </message>
    <message>
        <source>&amp;Expected date of delivery:</source>
        <translation>Dyddiad geni &amp;disgwyliedig:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Dyddiad geni:</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Enwau eraill</translation>
    </message>
    <message>
        <source>%1 %2 (%3)%4</source>
        <translation>%1 %2 (%3)%4</translation>
    </message>
    <message>
        <source>, until %1</source>
        <translation>, tan %1</translation>
    </message>
    <message>
        <source>&amp;Other names:</source>
        <translation>Enwau &amp;eraill:</translation>
    </message>
    <message>
        <source>&amp;Kind of other name:</source>
        <translation>&amp;Math o enw arall:</translation>
    </message>
    <message>
        <source>Other forena&amp;me(s):</source>
        <translation>Enw(au) cyntaf &amp;arall:</translation>
    </message>
    <message>
        <source>Other su&amp;rname:</source>
        <translation>Cyfenw ar&amp;all:</translation>
    </message>
    <message>
        <source>DD/MM/YYYY (optional when adding)</source>
        <translation>DD/MM/BBBB (dewisol wrth ychwanegu)</translation>
    </message>
    <message>
        <source>From (adding) or un&amp;til (ending):</source>
        <translation>O (ychwanegu) neu &amp;tan (gorffen):</translation>
    </message>
    <message>
        <source>&amp;Add other name</source>
        <translation>&amp;Ychwanegu enw arall</translation>
    </message>
    <message>
        <source>E&amp;nd chosen name</source>
        <translation>&amp;Gorffen yr enw a ddewiswyd</translation>
    </message>
    <message>
        <source>The legal name exactly as on the birth certificate: a change goes to CP-IS at the next upload. Other names are kept apart.</source>
        <translation>Yr enw cyfreithiol yn union fel ar y dystysgrif geni: mae newid yn mynd i CP-IS yn yr uwchlwythiad nesaf. Cedwir enwau eraill ar wahân.</translation>
    </message>
    <message>
        <source>Type the legal forename(s), exactly as on the birth certificate.</source>
        <translation>Teipiwch yr enw(au) cyntaf cyfreithiol, yn union fel ar y dystysgrif geni.</translation>
    </message>
    <message>
        <source>Type the legal surname, exactly as on the birth certificate.</source>
        <translation>Teipiwch y cyfenw cyfreithiol, yn union fel ar y dystysgrif geni.</translation>
    </message>
    <message>
        <source>Type the other name: a forename, a surname or both.</source>
        <translation>Teipiwch yr enw arall: enw cyntaf, cyfenw neu&apos;r ddau.</translation>
    </message>
    <message>
        <source>Choose a current other name in the list first.</source>
        <translation>Dewiswch enw arall cyfredol yn y rhestr yn gyntaf.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ExchangeHealthWatch</name>
    <message>
        <source>⚠ %1. Notifications from CP-IS are not being collected: a system administrator should check the exchange service (cpis-exchange) and Administration → Exchange monitor.</source>
        <translation>⚠ %1. Nid yw hysbysiadau CP-IS yn cael eu casglu: dylai gweinyddwr system wirio gwasanaeth y cyfnewid (cpis-exchange) a Gweinyddu → Monitor cyfnewid.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ExchangeMessagesModel</name>
    <message>
        <source>Access to Service Notification</source>
        <translation>Hysbysiad Mynediad at Wasanaeth</translation>
    </message>
    <message>
        <source>Acknowledgement of an upload</source>
        <translation>Cydnabyddiaeth o uwchlwythiad</translation>
    </message>
    <message>
        <source>Inactive NHS number</source>
        <translation>Rhif GIG anweithredol</translation>
    </message>
    <message>
        <source>MESH report</source>
        <translation>Adroddiad MESH</translation>
    </message>
    <message>
        <source>Upload (sent back to us)</source>
        <translation>Uwchlwythiad (wedi&apos;i anfon yn ôl atom)</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>Heb ei ddarllen</translation>
    </message>
    <message>
        <source>✔ Processed</source>
        <translation>✔ Wedi&apos;i brosesu</translation>
    </message>
    <message>
        <source>⚠ Quarantined</source>
        <translation>⚠ Mewn cwarantin</translation>
    </message>
    <message>
        <source>Waiting for the exchange</source>
        <translation>Yn aros am y cyfnewid</translation>
    </message>
    <message>
        <source>✔ Resolved</source>
        <translation>✔ Wedi&apos;i ddatrys</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Wedi&apos;i ddatrys: %1</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Neges %1</translation>
    </message>
    <message>
        <source>%1 · message %2</source>
        <translation>%1 · neges %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Neges</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>What it became, or why not</source>
        <translation>Beth y daeth, neu pam lai</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ExchangeMonitorWindow</name>
    <message>
        <source>Exchange monitor</source>
        <translation>Monitor cyfnewid</translation>
    </message>
    <message>
        <source>CP-IS exchange through MESH</source>
        <translation>Cyfnewid CP-IS drwy MESH</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>E&amp;xchange now</source>
        <translation>&amp;Cyfnewid nawr</translation>
    </message>
    <message>
        <source>Ask the exchange service to send the waiting uploads and collect the MESH inbox now, without waiting for the schedule</source>
        <translation>Gofyn i&apos;r gwasanaeth cyfnewid anfon yr uwchlwythiadau sy&apos;n aros a chasglu mewnflwch MESH nawr, heb aros am yr amserlen</translation>
    </message>
    <message>
        <source>Last exchange</source>
        <translation>Cyfnewid diwethaf</translation>
    </message>
    <message>
        <source>Next scheduled</source>
        <translation>Nesaf ar yr amserlen</translation>
    </message>
    <message>
        <source>Exchange service</source>
        <translation>Gwasanaeth cyfnewid</translation>
    </message>
    <message>
        <source>MESH inbox</source>
        <translation>Mewnflwch MESH</translation>
    </message>
    <message>
        <source>Exchange now</source>
        <translation>Cyfnewid nawr</translation>
    </message>
    <message>
        <source>Exchange in progress</source>
        <translation>Cyfnewid ar waith</translation>
    </message>
    <message>
        <source>&amp;Process again</source>
        <translation>&amp;Prosesu eto</translation>
    </message>
    <message>
        <source>Once the cause is fixed (for example the child&apos;s NHS number corrected): process the message again at an exchange now</source>
        <translation>Unwaith y bydd yr achos wedi&apos;i drwsio (er enghraifft rhif GIG y plentyn wedi&apos;i gywiro): prosesu&apos;r neges eto wrth gyfnewid nawr</translation>
    </message>
    <message>
        <source>Mark &amp;resolved…</source>
        <translation>Nodi wedi&apos;i &amp;ddatrys…</translation>
    </message>
    <message>
        <source>Take the message off this list without processing it, with a note saying what was done</source>
        <translation>Tynnu&apos;r neges oddi ar y rhestr hon heb ei phrosesu, gyda nodyn yn dweud beth a wnaed</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Mewn cwarantin</translation>
    </message>
    <message>
        <source>Messages received</source>
        <translation>Negeseuon a dderbyniwyd</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>Uwchlwythiadau</translation>
    </message>
    <message>
        <source>The exchange monitor could not be loaded: %1</source>
        <translation>Nid oedd modd llwytho&apos;r monitor cyfnewid: %1</translation>
    </message>
    <message>
        <source>✖ Stopped before it finished (started %1): the exchange service stopped or lost its connection mid-run. The next exchange picks up where it left off.</source>
        <translation>✖ Stopiodd cyn gorffen (dechreuwyd %1): stopiodd y gwasanaeth cyfnewid neu collodd ei gysylltiad hanner ffordd. Bydd y cyfnewid nesaf yn ailddechrau lle y gadawodd.</translation>
    </message>
    <message>
        <source>Running since %1</source>
        <translation>Ar waith ers %1</translation>
    </message>
    <message>
        <source>✖ Failed %1: %2</source>
        <translation>✖ Methodd %1: %2</translation>
    </message>
    <message>
        <source>✔ Completed %1: %2 upload(s) sent, %3 message(s) received, %4 quarantined</source>
        <translation>✔ Cwblhawyd %1: anfonwyd %2 uwchlwythiad, derbyniwyd %3 neges, %4 mewn cwarantin</translation>
    </message>
    <message>
        <source>Requested %1 by %2</source>
        <translation>Gofynnwyd %1 gan %2</translation>
    </message>
    <message>
        <source>%1 · the exchange started %2 and is running…</source>
        <translation>%1 · dechreuodd y cyfnewid %2 ac mae ar waith…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · an exchange already running (since %2) has to finish first; yours follows.</source>
        <translation>%1 · rhaid i gyfnewid sydd eisoes ar waith (ers %2) orffen yn gyntaf; bydd eich un chi yn dilyn.</translation>
    </message>
    <message>
        <source>%1 · waiting for the exchange service…</source>
        <translation>%1 · yn aros am y gwasanaeth cyfnewid…</translation>
    </message>
    <message>
        <source>⚠ %1, but no exchange service picked it up within %2 seconds: nothing has been sent or collected. Ask whoever looks after the exchange server to start cpisctl exchange there.</source>
        <translation>⚠ %1, ond ni wnaeth unrhyw wasanaeth cyfnewid ei godi o fewn %2 eiliad: nid oes dim wedi&apos;i anfon na&apos;i gasglu. Gofynnwch i bwy bynnag sy&apos;n gofalu am y gweinydd cyfnewid ddechrau cpisctl exchange yno.</translation>
    </message>
    <message>
        <source>No exchange has run yet.</source>
        <translation>Nid oes cyfnewid wedi rhedeg eto.</translation>
    </message>
    <message>
        <source>Last completed: %1</source>
        <translation>Cwblhawyd ddiwethaf: %1</translation>
    </message>
    <message>
        <source>No exchange has completed yet.</source>
        <translation>Nid oes cyfnewid wedi&apos;i gwblhau eto.</translation>
    </message>
    <message>
        <source>No times are set (exchange.times): only Exchange now runs it.</source>
        <translation>Nid oes amseroedd wedi&apos;u gosod (exchange.times): dim ond Cyfnewid nawr sy&apos;n ei redeg.</translation>
    </message>
    <message>
        <source>✔ Running: it exchanges at the scheduled times and when asked to exchange now</source>
        <translation>✔ Ar waith: mae&apos;n cyfnewid ar yr adegau ar yr amserlen a phan ofynnir iddo gyfnewid nawr</translation>
    </message>
    <message>
        <source>⚠ Not running: neither the scheduled exchanges nor Exchange now happen until cpisctl exchange is started on the exchange server</source>
        <translation>⚠ Ddim ar waith: nid yw&apos;r cyfnewidiadau ar yr amserlen na Cyfnewid nawr yn digwydd nes bod cpisctl exchange wedi&apos;i ddechrau ar y gweinydd cyfnewid</translation>
    </message>
    <message>
        <source>Nothing waiting at the last look</source>
        <translation>Dim yn aros pan edrychwyd ddiwethaf</translation>
    </message>
    <message>
        <source>⚠ %1 message(s) were waiting at the last look, the oldest since %2 (MESH deletes them after five days)</source>
        <translation>⚠ Roedd %1 neges yn aros pan edrychwyd ddiwethaf, yr hynaf ers %2 (mae MESH yn eu dileu ar ôl pum diwrnod)</translation>
    </message>
    <message>
        <source>Quarantined (%1)</source>
        <translation>Mewn cwarantin (%1)</translation>
    </message>
    <message>
        <source>Nothing is quarantined: every message received has been processed or resolved.</source>
        <translation>Nid oes dim mewn cwarantin: mae pob neges a dderbyniwyd wedi&apos;i phrosesu neu ei datrys.</translation>
    </message>
    <message>
        <source>These messages were kept but not processed. Fix the cause (for example the child&apos;s NHS number), then choose Process again; or Mark resolved with a note saying what was done instead.</source>
        <translation>Cadwyd y negeseuon hyn ond ni chawsant eu prosesu. Trwsiwch yr achos (er enghraifft rhif GIG y plentyn), yna dewiswch Prosesu eto; neu Nodi wedi&apos;i ddatrys gyda nodyn yn dweud beth a wnaed yn lle hynny.</translation>
    </message>
    <message>
        <source>Messages received (%1)</source>
        <translation>Negeseuon a dderbyniwyd (%1)</translation>
    </message>
    <message>
        <source>Uploads (%1)</source>
        <translation>Uwchlwythiadau (%1)</translation>
    </message>
    <message>
        <source>Uploads (%1, ✖ %2 failed)</source>
        <translation>Uwchlwythiadau (%1, ✖ %2 wedi methu)</translation>
    </message>
    <message>
        <source>Not asked for yet. The exchange runs on its schedule.</source>
        <translation>Heb ofyn amdano eto. Mae&apos;r cyfnewid yn rhedeg yn ôl ei amserlen.</translation>
    </message>
    <message>
        <source>The exchange was not requested: %1</source>
        <translation>Ni ofynnwyd am y cyfnewid: %1</translation>
    </message>
    <message>
        <source>Message %1 was not processed again: %2</source>
        <translation>Ni phroseswyd neges %1 eto: %2</translation>
    </message>
    <message>
        <source>Message %1 goes back to be processed: an exchange has been requested for it (see Exchange now above).</source>
        <translation>Mae neges %1 yn mynd yn ôl i gael ei phrosesu: gofynnwyd am gyfnewid ar ei chyfer (gweler Cyfnewid nawr uchod).</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Neges %1</translation>
    </message>
    <message>
        <source>Message %1 was not marked resolved: %2</source>
        <translation>Ni nodwyd bod neges %1 wedi&apos;i datrys: %2</translation>
    </message>
    <message>
        <source>Message %1 is marked resolved.</source>
        <translation>Mae neges %1 wedi&apos;i nodi wedi&apos;i datrys.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Quarantined messages</source>
        <translation>Negeseuon mewn cwarantin</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Negeseuon</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ExchangeUploadsModel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Yn aros i&apos;w anfon</translation>
    </message>
    <message>
        <source>Sent · awaiting acknowledgement</source>
        <translation>Anfonwyd · yn aros am gydnabyddiaeth</translation>
    </message>
    <message>
        <source>✔ Acknowledged</source>
        <translation>✔ Wedi&apos;i gydnabod</translation>
    </message>
    <message>
        <source>✖ Failed</source>
        <translation>✖ Wedi methu</translation>
    </message>
    <message>
        <source>↻ To be sent again</source>
        <translation>↻ I&apos;w anfon eto</translation>
    </message>
    <message>
        <source>%1 of %2 child(ren) rejected</source>
        <translation>Gwrthodwyd %1 o %2 plentyn</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ddim eto</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Uwchlwythiad</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gwnaed</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Anfonwyd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Plant</translation>
    </message>
    <message>
        <source>What CP-IS said</source>
        <translation>Yr hyn a ddywedodd CP-IS</translation>
    </message>
</context>
<context>
    <name>cpis::ui::FindChildDialog</name>
    <message>
        <source>Find a child</source>
        <translation>Dod o hyd i blentyn</translation>
    </message>
    <message>
        <source>e.g. Turner, 3549728, 943 476 5919 or 28/11/2016</source>
        <translation>e.e. Turner, 3549728, 943 476 5919 neu 28/11/2016</translation>
    </message>
    <message>
        <source>Children found</source>
        <translation>Plant a ganfuwyd</translation>
    </message>
    <message>
        <source>Enter opens the record of the child chosen; Down moves from the box to the results.</source>
        <translation>Mae Enter yn agor cofnod y plentyn a ddewiswyd; mae Saeth i lawr yn symud o&apos;r blwch i&apos;r canlyniadau.</translation>
    </message>
    <message>
        <source>Ne&amp;w child…</source>
        <translation>Plentyn &amp;newydd…</translation>
    </message>
    <message>
        <source>New &amp;unborn child…</source>
        <translation>Plentyn &amp;heb ei eni newydd…</translation>
    </message>
    <message>
        <source>Type at least two characters of a name, or a person ID, NHS number or date of birth.</source>
        <translation>Teipiwch o leiaf ddau nod o enw, neu ID yr unigolyn, rhif GIG neu ddyddiad geni.</translation>
    </message>
    <message>
        <source>No child found for “%1”. Restricted records are found only by those allowed to see them.</source>
        <translation>Ni chanfuwyd plentyn ar gyfer “%1”. Dim ond y rhai a ganiateir i&apos;w gweld sy&apos;n dod o hyd i gofnodion cyfyngedig.</translation>
    </message>
    <message>
        <source>The first 100 children found: type more to narrow the search.</source>
        <translation>Y 100 plentyn cyntaf a ganfuwyd: teipiwch fwy i gyfyngu&apos;r chwiliad.</translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren) found.</source>
        <translation>
            <numerusform>%n plentyn wedi&apos;u canfod.</numerusform>
            <numerusform>%n plentyn wedi&apos;u canfod.</numerusform>
            <numerusform>%n plentyn wedi&apos;u canfod.</numerusform>
            <numerusform>%n plentyn wedi&apos;u canfod.</numerusform>
            <numerusform>%n plentyn wedi&apos;u canfod.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Name, person ID, main system ID, NHS number or date of birth:</source>
        <translation>&amp;Enw, ID yr unigolyn, ID y brif system, rhif GIG neu ddyddiad geni:</translation>
    </message>
    <message>
        <source>Find a child by name, person ID, main system ID, NHS number or date of birth</source>
        <translation>Dod o hyd i blentyn yn ôl enw, ID yr unigolyn, ID y brif system, rhif GIG neu ddyddiad geni</translation>
    </message>
    <message>
        <source>A main system ID is found only when typed whole, exactly as the main system has it.</source>
        <translation>Dim ond pan gaiff ei deipio’n gyfan, yn union fel y mae gan y brif system, y deuir o hyd i ID y brif system.</translation>
    </message>
    <message>
        <source>Enter chooses the person found; Down moves from the box to the results.</source>
        <translation>Mae Enter yn dewis yr unigolyn a ganfuwyd; mae Saeth i lawr yn symud o&apos;r blwch i&apos;r canlyniadau.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::FindWorkerDialog</name>
    <message>
        <source>Find worker</source>
        <translation>Chwilio am weithiwr</translation>
    </message>
    <message>
        <source>Part of the worker&apos;s name</source>
        <translation>Rhan o enw&apos;r gweithiwr</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Enw:</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Chwilio</translation>
    </message>
    <message>
        <source>Type part of a name and press Find.</source>
        <translation>Teipiwch ran o enw a phwyso Chwilio.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Yn chwilio…</translation>
    </message>
    <message>
        <source>Workers found</source>
        <translation>Gweithwyr a ddaethpwyd o hyd iddynt</translation>
    </message>
    <message>
        <source>No caseworker&apos;s name contains “%1”.</source>
        <translation>Nid oes enw gweithiwr achos yn cynnwys “%1”.</translation>
    </message>
    <message>
        <source>1 caseworker&apos;s name contains “%1”. Press Enter or OK to choose them.</source>
        <translation>Mae enw 1 gweithiwr achos yn cynnwys “%1”. Pwyswch Enter neu Iawn i&apos;w ddewis.</translation>
    </message>
    <message numerus="yes">
        <source>%n caseworkers&apos; names contain “%1”. Press Down to pick one, then Enter.</source>
        <translation>
            <numerusform>Mae enwau %n gweithiwr achos yn cynnwys “%1”. Pwyswch Down i ddewis un, yna Enter.</numerusform>
            <numerusform>Mae enwau %n gweithiwr achos yn cynnwys “%1”. Pwyswch Down i ddewis un, yna Enter.</numerusform>
            <numerusform>Mae enwau %n gweithiwr achos yn cynnwys “%1”. Pwyswch Down i ddewis un, yna Enter.</numerusform>
            <numerusform>Mae enwau %n gweithiwr achos yn cynnwys “%1”. Pwyswch Down i ddewis un, yna Enter.</numerusform>
            <numerusform>Mae enwau %n gweithiwr achos yn cynnwys “%1”. Pwyswch Down i ddewis un, yna Enter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::FinishedStepsPanel</name>
    <message>
        <source>No request sent</source>
        <translation>Ni anfonwyd cais</translation>
    </message>
    <message>
        <source>Request to %1</source>
        <translation>Cais i %1</translation>
    </message>
    <message>
        <source>not acknowledged yet</source>
        <translation>heb ei gydnabod eto</translation>
    </message>
    <message>
        <source>acknowledged by %1 %2</source>
        <translation>wedi&apos;i gydnabod gan %1 %2</translation>
    </message>
    <message>
        <source>case note added</source>
        <translation>nodyn achos wedi&apos;i ychwanegu</translation>
    </message>
    <message>
        <source>Finished steps</source>
        <translation>Camau wedi gorffen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>Finished by</source>
        <translation>Gorffennwyd gan</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>Dangos &amp;mwy</translation>
    </message>
    <message>
        <source>O&amp;pen to read</source>
        <translation>&amp;Agor i ddarllen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>Finished steps could not be loaded: %1</source>
        <translation>Nid oedd modd llwytho&apos;r camau wedi gorffen: %1</translation>
    </message>
    <message>
        <source>No finished steps yet.</source>
        <translation>Dim camau wedi gorffen eto.</translation>
    </message>
    <message numerus="yes">
        <source>The %n most recently finished.</source>
        <translation>
            <numerusform>Y %n a orffennwyd ddiweddaraf.</numerusform>
            <numerusform>Y %n a orffennwyd ddiweddaraf.</numerusform>
            <numerusform>Y %n a orffennwyd ddiweddaraf.</numerusform>
            <numerusform>Y %n a orffennwyd ddiweddaraf.</numerusform>
            <numerusform>Y %n a orffennwyd ddiweddaraf.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n finished steps.</source>
        <translation>
            <numerusform>Pob un o&apos;r %n cam wedi gorffen.</numerusform>
            <numerusform>Pob un o&apos;r %n cam wedi gorffen.</numerusform>
            <numerusform>Pob un o&apos;r %n cam wedi gorffen.</numerusform>
            <numerusform>Pob un o&apos;r %n cam wedi gorffen.</numerusform>
            <numerusform>Pob un o&apos;r %n cam wedi gorffen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::FollowUpSection</name>
    <message>
        <source>Child&apos;s Details</source>
        <translation>Manylion y Plentyn</translation>
    </message>
    <message>
        <source>Child&apos;s Name</source>
        <translation>Enw&apos;r Plentyn</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation>Dyddiad Geni</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Sylwadau</translation>
    </message>
    <message>
        <source>Notification to the allocated worker</source>
        <translation>Hysbysiad i&apos;r gweithiwr dyranedig</translation>
    </message>
    <message>
        <source>CS &amp;Notification to Allocated Worker – CPIS Follow Up</source>
        <translation>&amp;Hysbysu&apos;r Gweithiwr Dyranedig – CPIS Follow Up</translation>
    </message>
    <message>
        <source>Opens New request, with the note for this notification&apos;s source and the child&apos;s current key worker</source>
        <translation>Yn agor Cais newydd, gyda&apos;r nodyn ar gyfer ffynhonnell yr hysbysiad hwn a gweithiwr allweddol cyfredol y plentyn</translation>
    </message>
    <message>
        <source>1. CPIS Follow Up</source>
        <translation>1. CPIS Follow Up</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; notification, received %2</source>
        <translation>Hysbysiad &lt;b&gt;%1&lt;/b&gt;, derbyniwyd %2</translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>Dim sylwadau.</translation>
    </message>
    <message>
        <source>○ To &lt;b&gt;%1&lt;/b&gt;: not sent yet; it will be sent when you save.</source>
        <translation>○ At &lt;b&gt;%1&lt;/b&gt;: heb ei anfon eto; caiff ei anfon pan fyddwch yn cadw.</translation>
    </message>
    <message>
        <source>✓ Sent to &lt;b&gt;%1&lt;/b&gt; %2; acknowledged by %3 %4.</source>
        <translation>✓ Anfonwyd at &lt;b&gt;%1&lt;/b&gt; %2; cydnabuwyd gan %3 %4.</translation>
    </message>
    <message>
        <source>✓ Sent to &lt;b&gt;%1&lt;/b&gt; %2.</source>
        <translation>✓ Anfonwyd at &lt;b&gt;%1&lt;/b&gt; %2.</translation>
    </message>
    <message>
        <source>No request yet. Use the button above to notify the child&apos;s allocated worker.</source>
        <translation>Dim cais eto. Defnyddiwch y botwm uchod i hysbysu gweithiwr dyranedig y plentyn.</translation>
    </message>
    <message>
        <source>Unborn, expected %1</source>
        <translation>Heb ei eni, disgwylir %1</translation>
    </message>
    <message>
        <source>Unborn</source>
        <translation>Heb ei eni</translation>
    </message>
</context>
<context>
    <name>cpis::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>Cy&amp;morth</translation>
    </message>
    <message>
        <source>&amp;Help for your work</source>
        <translation>&amp;Cymorth ar gyfer eich gwaith</translation>
    </message>
    <message>
        <source>Help for &amp;Safeguarding Admin</source>
        <translation>Cymorth i&apos;r &amp;Gweinyddwr Diogelu</translation>
    </message>
    <message>
        <source>Help for &amp;key workers</source>
        <translation>Cymorth i weithwyr &amp;allweddol</translation>
    </message>
    <message>
        <source>&amp;About CP-IS Workview</source>
        <translation>&amp;Ynghylch CP-IS Workview</translation>
    </message>
</context>
<context>
    <name>cpis::ui::HelpWindow</name>
    <message>
        <source>&amp;Safeguarding Admin</source>
        <translation>&amp;Gweinyddwr Diogelu</translation>
    </message>
    <message>
        <source>&amp;Key worker</source>
        <translation>Gweithiwr &amp;allweddol</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Tudalen gymorth</translation>
    </message>
    <message>
        <source>Help — CP-IS Workview</source>
        <translation>Cymorth — CP-IS Workview</translation>
    </message>
    <message>
        <source>Close help</source>
        <translation>Cau cymorth</translation>
    </message>
</context>
<context>
    <name>cpis::ui::IncomingRequestsModel</name>
    <message>
        <source>Acknowledged</source>
        <translation>Wedi&apos;i gydnabod</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Heb ei gydnabod</translation>
    </message>
    <message>
        <source>awaiting case note</source>
        <translation>yn aros am nodyn achos</translation>
    </message>
    <message>
        <source>case note only if concerns</source>
        <translation>nodyn achos dim ond os oes pryderon</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
Open the summary and document of this step (Enter)</source>
        <translation>%1
Agor crynodeb a dogfen y cam gwaith hwn (Enter)</translation>
    </message>
    <message>
        <source>Acknowledge it, and add the case note it needs, by %1 (the handling time in office hours from when it was sent).</source>
        <translation>Cydnabyddwch ef, ac ychwanegwch y nodyn achos sydd ei angen, erbyn %1 (yr amser ymdrin mewn oriau swyddfa o&apos;r adeg y&apos;i hanfonwyd).</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Cais</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
</context>
<context>
    <name>cpis::ui::IncomingRequestsPanel</name>
    <message>
        <source>No incoming requests. New requests appear here by themselves.</source>
        <translation>Dim ceisiadau&apos;n dod i mewn. Mae ceisiadau newydd yn ymddangos yma ohonynt eu hunain.</translation>
    </message>
    <message>
        <source>Open &amp;request</source>
        <translation>Agor y &amp;cais</translation>
    </message>
    <message>
        <source>Open the step&apos;s summary and document (Enter on the row)</source>
        <translation>Agor crynodeb a dogfen y cam gwaith (Enter ar y rhes)</translation>
    </message>
    <message>
        <source>Person recor&amp;d</source>
        <translation>Cofnod yr &amp;unigolyn</translation>
    </message>
    <message>
        <source>Open the record of the selected request&apos;s subject</source>
        <translation>Agor cofnod unigolyn y cais a ddewiswyd</translation>
    </message>
    <message>
        <source>Incoming requests (%1)</source>
        <translation>Ceisiadau sy&apos;n dod i mewn (%1)</translation>
    </message>
    <message>
        <source>Incoming requests</source>
        <translation>Ceisiadau sy&apos;n dod i mewn</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nodyn: %1</translation>
    </message>
</context>
<context>
    <name>cpis::ui::KeyWorkerDialog</name>
    <message>
        <source>Key worker</source>
        <translation>Gweithiwr allweddol</translation>
    </message>
    <message>
        <source>&amp;Key worker (from today):</source>
        <translation>Gweithiwr &amp;allweddol (o heddiw):</translation>
    </message>
    <message>
        <source>Choose from the key workers and team managers. The current allocation ends today; open steps and requests show the new key worker at once.</source>
        <translation>Dewiswch o blith y gweithwyr allweddol a&apos;r rheolwyr tîm. Daw&apos;r dyraniad presennol i ben heddiw; mae camau a cheisiadau agored yn dangos y gweithiwr allweddol newydd ar unwaith.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a key worker from the list.</source>
        <translation>Dewiswch weithiwr allweddol o&apos;r rhestr.</translation>
    </message>
    <message>
        <source>%1 is already the key worker.</source>
        <translation>%1 yw&apos;r gweithiwr allweddol eisoes.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ListItemsModel</name>
    <message>
        <source>In use</source>
        <translation>Yn cael ei ddefnyddio</translation>
    </message>
    <message>
        <source>Retired (no longer offered)</source>
        <translation>Wedi ymddeol (nid yw&apos;n cael ei gynnig mwyach)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eitem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
</context>
<context>
    <name>cpis::ui::LongWork</name>
    <message>
        <source>%1
%2 of %3</source>
        <translation>%1
%2 o %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Arhoswch</translation>
    </message>
    <message>
        <source>%1
Cancelling…</source>
        <translation>%1
Yn canslo…</translation>
    </message>
</context>
<context>
    <name>cpis::ui::MainWindow</name>
    <message>
        <source>CP-IS Workview</source>
        <translation>CP-IS Workview</translation>
    </message>
    <message>
        <source>Connecting to the case database…</source>
        <translation>Yn cysylltu â&apos;r gronfa ddata achosion…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Gweinyddu</translation>
    </message>
    <message>
        <source>&amp;Configuration tools…</source>
        <translation>Offer &amp;ffurfweddu…</translation>
    </message>
    <message>
        <source>&amp;Exchange monitor…</source>
        <translation>&amp;Monitor cyfnewid…</translation>
    </message>
    <message>
        <source>&amp;Data quality…</source>
        <translation>&amp;Ansawdd data…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Yn cysylltu…</translation>
    </message>
    <message>
        <source>⚠ The connection to the case database is lost. Reconnecting… Nothing you have typed is lost; it is saved once the connection is back.</source>
        <translation>⚠ Collwyd y cysylltiad â&apos;r gronfa ddata achosion. Yn ailgysylltu… Nid oes dim a deipiwyd gennych wedi&apos;i golli; caiff ei gadw unwaith y bydd y cysylltiad yn ôl.</translation>
    </message>
    <message>
        <source>Connection lost · reconnecting…</source>
        <translation>Collwyd y cysylltiad · yn ailgysylltu…</translation>
    </message>
    <message>
        <source>Database from PGHOST / PGSERVICE</source>
        <translation>Cronfa ddata o PGHOST / PGSERVICE</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Cronfa ddata: %1</translation>
    </message>
    <message>
        <source>There is no Safeguarding Admin to sign in as.</source>
        <translation>Nid oes Gweinyddwr Diogelu i fewngofnodi fel.</translation>
    </message>
    <message>
        <source>Read only: the database&apos;s schema (version %1) is newer than this program knows (version %2), so nothing can be saved. Install the newer version of CP-IS Workview.</source>
        <translation>Darllen yn unig: mae sgema&apos;r gronfa ddata (fersiwn %1) yn fwy newydd nag y mae&apos;r rhaglen hon yn ei wybod (fersiwn %2), felly ni ellir cadw dim. Gosodwch y fersiwn newyddach o CP-IS Workview.</translation>
    </message>
    <message>
        <source>Connected to %1 · signed in as %2</source>
        <translation>Wedi cysylltu â %1 · wedi mewngofnodi fel %2</translation>
    </message>
    <message>
        <source>Connected to %1 · signed in as %2 (%3)</source>
        <translation>Wedi cysylltu â %1 · wedi mewngofnodi fel %2 (%3)</translation>
    </message>
    <message>
        <source> · PostgreSQL %1 · schema version %2</source>
        <translation> · PostgreSQL %1 · fersiwn sgema %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Heb gysylltu</translation>
    </message>
    <message>
        <source>The case database could not be reached.</source>
        <translation>Nid oedd modd cyrraedd y gronfa ddata achosion.</translation>
    </message>
    <message>
        <source>Cannot reach the case database</source>
        <translation>Methu cyrraedd y gronfa ddata achosion</translation>
    </message>
    <message>
        <source>What to try: %1</source>
        <translation>Beth i roi cynnig arno: %1</translation>
    </message>
    <message>
        <source>%1 — CP-IS Workview</source>
        <translation>%1 — CP-IS Workview</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Ffe&amp;il</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>&amp;Newid defnyddiwr…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Adnewyddu</translation>
    </message>
    <message>
        <source>&amp;Current work</source>
        <translation>&amp;Gwaith cyfredol</translation>
    </message>
    <message>
        <source>&amp;Incoming requests</source>
        <translation>&amp;Ceisiadau sy&apos;n dod i mewn</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Rhybuddion</translation>
    </message>
    <message>
        <source>&amp;Next panel</source>
        <translation>Panel &amp;nesaf</translation>
    </message>
    <message>
        <source>&amp;Previous panel</source>
        <translation>Panel &amp;blaenorol</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>M&amp;ynd</translation>
    </message>
    <message>
        <source>&amp;Find a child…</source>
        <translation>&amp;Dod o hyd i blentyn…</translation>
    </message>
    <message>
        <source>Find a chi&amp;ld:</source>
        <translation>Dod o hyd i &amp;blentyn:</translation>
    </message>
    <message>
        <source>Find a child by name, person ID, NHS number or date of birth</source>
        <translation>Dod o hyd i blentyn yn ôl enw, ID yr unigolyn, rhif GIG neu ddyddiad geni</translation>
    </message>
    <message>
        <source>Name, person ID, NHS number or date of birth, then Enter</source>
        <translation>Enw, ID yr unigolyn, rhif GIG neu ddyddiad geni, yna Enter</translation>
    </message>
    <message>
        <source>&amp;Person record of the selected child</source>
        <translation>&amp;Cofnod person y plentyn a ddewiswyd</translation>
    </message>
    <message>
        <source>Vi&amp;ew</source>
        <translation>Gw&amp;eld</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Tudalen</translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation>Mewnforio &amp;cofnodion…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Defnyddwyr…</translation>
    </message>
    <message>
        <source>%1 must choose a new password before signing in: sign in with CP-IS Workview to choose it.</source>
        <translation>Rhaid i %1 ddewis cyfrinair newydd cyn mewngofnodi: mewngofnodwch gyda CP-IS Workview i&apos;w ddewis.</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Newid &amp;cyfrinair…</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NewChildDialog</name>
    <message>
        <source>New unborn child</source>
        <translation>Plentyn heb ei eni newydd</translation>
    </message>
    <message>
        <source>New child</source>
        <translation>Plentyn newydd</translation>
    </message>
    <message>
        <source>Legal &amp;forename(s):</source>
        <translation>&amp;Enw(au) cyntaf cyfreithiol:</translation>
    </message>
    <message>
        <source>Legal &amp;surname:</source>
        <translation>&amp;Cyfenw cyfreithiol:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Rhywedd:</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/BBBB</translation>
    </message>
    <message>
        <source>&amp;Expected date of delivery:</source>
        <translation>Dyddiad geni &amp;disgwyliedig:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Dyddiad geni:</translation>
    </message>
    <message>
        <source>her person ID or NHS number</source>
        <translation>ei ID unigolyn neu ei rhif GIG</translation>
    </message>
    <message>
        <source>&amp;Mother:</source>
        <translation>&amp;Mam:</translation>
    </message>
    <message>
        <source>&amp;NHS number:</source>
        <translation>Rhif &amp;GIG:</translation>
    </message>
    <message>
        <source>&amp;This is a different child: save anyway</source>
        <translation>Mae hwn yn blentyn &amp;gwahanol: cadw beth bynnag</translation>
    </message>
    <message>
        <source>The unborn child&apos;s record carries the mother&apos;s NHS number to CP-IS until the birth is recorded.</source>
        <translation>Mae cofnod y plentyn heb ei eni yn anfon rhif GIG y fam i CP-IS nes cofnodi&apos;r enedigaeth.</translation>
    </message>
    <message>
        <source>Type the legal name exactly as on the birth certificate; other names are added on the record afterwards.</source>
        <translation>Teipiwch yr enw cyfreithiol yn union fel ar y dystysgrif geni; ychwanegir enwau eraill at y cofnod wedyn.</translation>
    </message>
    <message>
        <source>Type the legal forename(s), exactly as on the birth certificate.</source>
        <translation>Teipiwch yr enw(au) cyntaf cyfreithiol, yn union fel ar y dystysgrif geni.</translation>
    </message>
    <message>
        <source>Type the legal surname, exactly as on the birth certificate.</source>
        <translation>Teipiwch y cyfenw cyfreithiol, yn union fel ar y dystysgrif geni.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>Mae&apos;r dyddiad geni yn y dyfodol.</translation>
    </message>
    <message>
        <source>Type the mother&apos;s person ID or NHS number.</source>
        <translation>Teipiwch ID unigolyn neu rif GIG y fam.</translation>
    </message>
    <message>
        <source>No one person has the person ID or NHS number “%1”: find the mother, or record her first.</source>
        <translation>Nid oes un unigolyn â&apos;r ID unigolyn neu&apos;r rhif GIG “%1”: dewch o hyd i&apos;r fam, neu cofnodwch hi yn gyntaf.</translation>
    </message>
    <message>
        <source>%1 (person ID %2), %3</source>
        <translation>%1 (ID yr unigolyn %2), %3</translation>
    </message>
    <message>
        <source>known by this name</source>
        <translation>yn cael ei adnabod wrth yr enw hwn</translation>
    </message>
    <message>
        <source>the same name and date of birth</source>
        <translation>yr un enw a dyddiad geni</translation>
    </message>
    <message>
        <source>This may be a child already recorded: %1. Open that record instead, or confirm this is a different child and save again.</source>
        <translation>Efallai fod y plentyn hwn wedi&apos;i gofnodi eisoes: %1. Agorwch y cofnod hwnnw yn lle hynny, neu cadarnhewch mai plentyn gwahanol yw hwn a chadw eto.</translation>
    </message>
    <message>
        <source>F&amp;ind the mother by name…</source>
        <translation>Dod o h&amp;yd i&apos;r fam yn ôl enw…</translation>
    </message>
    <message>
        <source>Find the mother</source>
        <translation>Dod o hyd i&apos;r fam</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NewRequestDialog</name>
    <message>
        <source>New request</source>
        <translation>Cais newydd</translation>
    </message>
    <message>
        <source>Draft · %1</source>
        <translation>Drafft · %1</translation>
    </message>
    <message>
        <source>Nobody chosen: use Find</source>
        <translation>Neb wedi&apos;i ddewis: defnyddiwch Chwilio</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Chwilio…</translation>
    </message>
    <message>
        <source>Search workers by name</source>
        <translation>Chwilio am weithwyr yn ôl enw</translation>
    </message>
    <message>
        <source>%1 (proposed)</source>
        <translation>%1 (arfaethedig)</translation>
    </message>
    <message>
        <source>This request will be sent when you next save.</source>
        <translation>Caiff y cais hwn ei anfon y tro nesaf y byddwch yn cadw.</translation>
    </message>
    <message>
        <source>&amp;Request type</source>
        <translation>&amp;Math o gais</translation>
    </message>
    <message>
        <source>Status (date)</source>
        <translation>Statws (dyddiad)</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi&apos;i neilltuo i</translation>
    </message>
    <message>
        <source>&amp;Pass to Worker</source>
        <translation>&amp;Trosglwyddo i weithiwr</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templed</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nodyn</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nobody yet.&lt;/b&gt; The child has no current key worker: use Find to choose the worker.</source>
        <translation>&lt;b&gt;Neb eto.&lt;/b&gt; Nid oes gan y plentyn weithiwr allweddol cyfredol: defnyddiwch Chwilio i ddewis y gweithiwr.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;current Key Worker</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Gweithiwr Allweddol cyfredol</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Pass to Worker is required: use Find to choose the worker.</source>
        <translation>Mae angen Trosglwyddo i weithiwr: defnyddiwch Chwilio i ddewis y gweithiwr.</translation>
    </message>
    <message>
        <source>Note is required.</source>
        <translation>Mae angen nodyn.</translation>
    </message>
    <message>
        <source>Pass to Worker</source>
        <translation>Trosglwyddo i weithiwr</translation>
    </message>
    <message>
        <source>The worker the request goes to; change it with Find</source>
        <translation>Y gweithiwr y mae&apos;r cais yn mynd ato; newidiwch ef gyda Chwilio</translation>
    </message>
    <message>
        <source>Replace the note?</source>
        <translation>Disodli&apos;r nodyn?</translation>
    </message>
    <message>
        <source>Replace the note with the %1 template?</source>
        <translation>Disodli&apos;r nodyn gyda&apos;r templed %1?</translation>
    </message>
    <message>
        <source>The note has text you typed. Replacing it loses that text; Keep my text leaves the note as it is.</source>
        <translation>Mae gan y nodyn destun a deipiwyd gennych. Mae ei ddisodli yn colli&apos;r testun hwnnw; mae Cadw fy nhestun yn gadael y nodyn fel y mae.</translation>
    </message>
    <message>
        <source>&amp;Replace the note</source>
        <translation>&amp;Disodli&apos;r nodyn</translation>
    </message>
    <message>
        <source>&amp;Keep my text</source>
        <translation>&amp;Cadw fy nhestun</translation>
    </message>
    <message>
        <source>⚠ not the current Key Worker (%1)</source>
        <translation>⚠ nid y Gweithiwr Allweddol cyfredol (%1)</translation>
    </message>
    <message>
        <source>Unsaved request</source>
        <translation>Cais heb ei gadw</translation>
    </message>
    <message>
        <source>Keep this request for the step before closing?</source>
        <translation>Cadw&apos;r cais hwn ar gyfer y cam cyn cau?</translation>
    </message>
    <message>
        <source>Save adds it to the step, to be sent when the step is saved. Discard loses what you typed; Cancel goes back to the request.</source>
        <translation>Mae Cadw yn ei ychwanegu at y cam, i&apos;w anfon pan gaiff y cam ei gadw. Mae Taflu yn colli&apos;r hyn a deipiwyd gennych; mae Canslo yn mynd yn ôl at y cais.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NextActionDialog</name>
    <message>
        <source>Next actions</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Please Select</source>
        <translation>Dewiswch</translation>
    </message>
    <message>
        <source>&amp;Urgent</source>
        <translation>&amp;Brys</translation>
    </message>
    <message>
        <source>N&amp;ormal</source>
        <translation>&amp;Arferol</translation>
    </message>
    <message>
        <source>&amp;Low</source>
        <translation>&amp;Isel</translation>
    </message>
    <message>
        <source>&amp;Select action</source>
        <translation>&amp;Dewis cam</translation>
    </message>
    <message>
        <source>&amp;Reason*</source>
        <translation>&amp;Rheswm*</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>N&amp;odyn</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ychwanegu</translation>
    </message>
    <message>
        <source>Add and &amp;close</source>
        <translation>Ychwanegu a &amp;chau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>⚠ Reason is required: choose one.</source>
        <translation>⚠ Mae angen rheswm: dewiswch un.</translation>
    </message>
    <message>
        <source>Added: %1 (%2). It is saved with the step.</source>
        <translation>Ychwanegwyd: %1 (%2). Caiff ei gadw gyda&apos;r cam gwaith.</translation>
    </message>
    <message>
        <source>Next action not added</source>
        <translation>Cam nesaf heb ei ychwanegu</translation>
    </message>
    <message>
        <source>Add this next action before closing?</source>
        <translation>Ychwanegu&apos;r cam nesaf hwn cyn cau?</translation>
    </message>
    <message>
        <source>Save adds it to the step (it is saved with the step). Discard loses what you chose and typed; Cancel goes back to it.</source>
        <translation>Mae Cadw yn ei ychwanegu at y cam (caiff ei gadw gyda&apos;r cam). Mae Taflu yn colli&apos;r hyn a ddewiswyd ac a deipiwyd gennych; mae Canslo yn mynd yn ôl ato.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NextActionsModel</name>
    <message>
        <source>Not assigned</source>
        <translation>Heb ei neilltuo</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Heb ei gadw eto</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Cam nesaf</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi&apos;i neilltuo i</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NextActionsSection</name>
    <message>
        <source>Next actions</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ychwanegu…</translation>
    </message>
    <message>
        <source>Add a next action, for example CS No Further Action</source>
        <translation>Ychwanegu cam nesaf, er enghraifft CS No Further Action</translation>
    </message>
    <message>
        <source>2. Next actions</source>
        <translation>2. Camau nesaf</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NhsNumberDialog</name>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>%1 %2 has no NHS number yet: record it exactly as the NHS issued it.</source>
        <translation>Nid oes gan %1 %2 rif GIG eto: cofnodwch ef yn union fel y&apos;i rhoddwyd gan y GIG.</translation>
    </message>
    <message>
        <source>The NHS number is %1%2. Correct it only if it is wrong, and say why: the change is kept in the history and goes to CP-IS.</source>
        <translation>Y rhif GIG yw %1%2. Cywirwch ef dim ond os yw&apos;n anghywir, a dywedwch pam: cedwir y newid yn yr hanes ac mae&apos;n mynd i CP-IS.</translation>
    </message>
    <message>
        <source> (verified by %1)</source>
        <translation> (wedi&apos;i wirio gan %1)</translation>
    </message>
    <message>
        <source>CP-IS reported the NHS number %1 inactive, so uploads have stopped. Record the replacement number: the uploads resume.</source>
        <translation>Adroddodd CP-IS fod y rhif GIG %1 yn anweithredol, felly mae&apos;r uwchlwythiadau wedi dod i ben. Cofnodwch y rhif newydd: mae&apos;r uwchlwythiadau&apos;n ailddechrau.</translation>
    </message>
    <message>
        <source>&amp;Correct NHS number:</source>
        <translation>Rhif GIG &amp;cywir:</translation>
    </message>
    <message>
        <source>&amp;Replacement NHS number:</source>
        <translation>Rhif GIG &amp;newydd yn ei le:</translation>
    </message>
    <message>
        <source>&amp;NHS number:</source>
        <translation>Rhif &amp;GIG:</translation>
    </message>
    <message>
        <source>Re&amp;ason for the correction:</source>
        <translation>&amp;Rheswm dros y cywiriad:</translation>
    </message>
    <message>
        <source>Mark &amp;verified</source>
        <translation>Nodi ei fod wedi&apos;i &amp;wirio</translation>
    </message>
    <message>
        <source>Say why the NHS number is corrected: it is kept in the history.</source>
        <translation>Dywedwch pam y cywirir y rhif GIG: fe&apos;i cedwir yn yr hanes.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NotificationCharts</name>
    <message>
        <source>per day</source>
        <translation>y dydd</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>Mewn pryd</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Yn hwyr</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Yn dal ar agor</translation>
    </message>
    <message>
        <source>Notifications received per day, by source</source>
        <translation>Hysbysiadau a dderbyniwyd bob dydd, yn ôl ffynhonnell</translation>
    </message>
    <message>
        <source>How each day&apos;s notifications were handled</source>
        <translation>Sut yr ymdriniwyd â hysbysiadau pob dydd</translation>
    </message>
    <message>
        <source>No notification figures yet.</source>
        <translation>Dim ffigurau hysbysiadau eto.</translation>
    </message>
    <message>
        <source>Last %1 days (%2 to %3): notifications received: %4 (%5 %6, %7 %8). Handled in time: %9 · late: %10 · still open: %11.</source>
        <translation>Y %1 diwrnod diwethaf (%2 i %3): hysbysiadau a dderbyniwyd: %4 (%5 %6, %7 %8). Ymdriniwyd mewn pryd: %9 · yn hwyr: %10 · yn dal ar agor: %11.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PasswordStore</name>
    <message>
        <source>Your password could not be remembered: %1</source>
        <translation>Nid oedd modd cofio eich cyfrinair: %1</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PersonRecordWindow</name>
    <message>
        <source>None.</source>
        <translation>Dim.</translation>
    </message>
    <message>
        <source>Person record : %1</source>
        <translation>Cofnod yr unigolyn : %1</translation>
    </message>
    <message>
        <source>Person %1</source>
        <translation>Unigolyn %1</translation>
    </message>
    <message>
        <source>Person details</source>
        <translation>Manylion yr unigolyn</translation>
    </message>
    <message>
        <source>CP-IS status</source>
        <translation>Statws CP-IS</translation>
    </message>
    <message>
        <source>Key worker and involvements</source>
        <translation>Gweithiwr allweddol a chysylltiadau</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Cynlluniau</translation>
    </message>
    <message>
        <source>Steps and requests (recent first)</source>
        <translation>Camau gwaith a cheisiadau (y diweddaraf yn gyntaf)</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>derbyniwyd %1</translation>
    </message>
    <message>
        <source>finished by %1 %2</source>
        <translation>gorffennwyd gan %1 %2</translation>
    </message>
    <message>
        <source>cancelled by %1 %2</source>
        <translation>canslwyd gan %1 %2</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>at %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>anfonwyd %1</translation>
    </message>
    <message>
        <source>not acknowledged yet</source>
        <translation>heb ei gydnabod eto</translation>
    </message>
    <message>
        <source>acknowledged by %1 %2</source>
        <translation>wedi&apos;i gydnabod gan %1 %2</translation>
    </message>
    <message>
        <source>case note added</source>
        <translation>nodyn achos wedi&apos;i ychwanegu</translation>
    </message>
    <message>
        <source>awaiting case note</source>
        <translation>yn aros am nodyn achos</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Cais:</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Rhybuddion</translation>
    </message>
    <message>
        <source>Case notes (newest first)</source>
        <translation>Nodiadau achos (y diweddaraf yn gyntaf)</translation>
    </message>
    <message>
        <source>Show older case notes</source>
        <translation>Dangos nodiadau achos hŷn</translation>
    </message>
    <message>
        <source>Who has opened this record</source>
        <translation>Pwy sydd wedi agor y cofnod hwn</translation>
    </message>
    <message>
        <source>Opening the record of person %1…</source>
        <translation>Yn agor cofnod unigolyn %1…</translation>
    </message>
    <message>
        <source>The record could not be opened: %1</source>
        <translation>Nid oedd modd agor y cofnod: %1</translation>
    </message>
    <message>
        <source>Shared with CP-IS: health staff see the child&apos;s plan.</source>
        <translation>Wedi&apos;i rannu â CP-IS: mae staff iechyd yn gweld cynllun y plentyn.</translation>
    </message>
    <message>
        <source>Sent to CP-IS; waiting for CP-IS to confirm it.</source>
        <translation>Wedi&apos;i anfon at CP-IS; yn aros i CP-IS ei gadarnhau.</translation>
    </message>
    <message>
        <source>Awaiting upload: health staff will not see the latest change until the next exchange.</source>
        <translation>Yn aros i&apos;w uwchlwytho: ni fydd staff iechyd yn gweld y newid diweddaraf tan y cyfnewid nesaf.</translation>
    </message>
    <message>
        <source>Rejected by CP-IS: %1. Until it is fixed, health staff do not see the flag.</source>
        <translation>Gwrthodwyd gan CP-IS: %1. Hyd nes y caiff ei drwsio, nid yw staff iechyd yn gweld y faner.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>dim rheswm wedi&apos;i roi</translation>
    </message>
    <message>
        <source>Not shared: %1.</source>
        <translation>Heb ei rannu: %1.</translation>
    </message>
    <message>
        <source>details missing</source>
        <translation>manylion ar goll</translation>
    </message>
    <message>
        <source>Not shared: the child has no plan that CP-IS holds.</source>
        <translation>Heb ei rannu: nid oes gan y plentyn gynllun y mae CP-IS yn ei ddal.</translation>
    </message>
    <message>
        <source>Legal name changed: CP-IS has the old name (%1) until the next upload is acknowledged.</source>
        <translation>Newidiwyd yr enw cyfreithiol: mae gan CP-IS yr hen enw (%1) nes i&apos;r uwchlwythiad nesaf gael ei gydnabod.</translation>
    </message>
    <message>
        <source>Person record : %1 %2</source>
        <translation>Cofnod yr unigolyn : %1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Legal name:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Enw cyfreithiol:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Other names:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Enwau eraill:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gender:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Rhywedd:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Date of birth:&lt;/b&gt; %1 (age %2)</source>
        <translation>&lt;b&gt;Dyddiad geni:&lt;/b&gt; %1 (oed %2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expected date of delivery:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Dyddiad geni disgwyliedig:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;NHS number:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;Rhif GIG:&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>heb ei gofnodi</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Diweddarwyd %1</translation>
    </message>
    <message>
        <source>%1 — %2, from %3%4</source>
        <translation>%1 — %2, o %3%4</translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> i %1</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (cyfredol)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Current key worker:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Gweithiwr allweddol cyfredol:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>%1 from %2%3</source>
        <translation>%1 o %2%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2): %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 · %2 · %3 · %4&lt;/b&gt;&lt;br&gt;%5</source>
        <translation>&lt;b&gt;%1 · %2 · %3 · %4&lt;/b&gt;&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Drafft</translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2 case notes.</source>
        <translation>Yn dangos y %1 diweddaraf o %2 nodyn achos.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 am %2</translation>
    </message>
    <message>
        <source>Person record</source>
        <translation>Cofnod yr unigolyn</translation>
    </message>
    <message>
        <source>Ended at 18: CP-IS ends a child&apos;s record at 18, so no plan is sent any more.</source>
        <translation>Daeth i ben yn 18 oed: mae CP-IS yn cau cofnod plentyn yn 18 oed, felly nid anfonir unrhyw gynllun mwyach.</translation>
    </message>
    <message>
        <source>: recorded in error (%1)</source>
        <translation>: cofnodwyd mewn camgymeriad (%1)</translation>
    </message>
    <message>
        <source>&amp;NHS number…</source>
        <translation>&amp;Rhif GIG…</translation>
    </message>
    <message>
        <source>Record the &amp;birth…</source>
        <translation>Cofnodi&apos;r &amp;enedigaeth…</translation>
    </message>
    <message>
        <source>&amp;Plans and legal statuses…</source>
        <translation>&amp;Cynlluniau a statwsau cyfreithiol…</translation>
    </message>
    <message>
        <source>&amp;Key worker…</source>
        <translation>Gweithiwr &amp;allweddol…</translation>
    </message>
    <message>
        <source>&amp;Edit details and other names…</source>
        <translation>&amp;Golygu manylion ac enwau eraill…</translation>
    </message>
    <message>
        <source>&amp;Upload again now</source>
        <translation>&amp;Uwchlwytho eto nawr</translation>
    </message>
    <message>
        <source>Not queued: %1</source>
        <translation>Heb ei roi yn y ciw: %1</translation>
    </message>
    <message>
        <source>Re&amp;stricted…</source>
        <translation>C&amp;yfyngedig…</translation>
    </message>
    <message>
        <source>The id of this person in the authority&apos;s main case management system.</source>
        <translation>ID yr unigolyn hwn ym mhrif system rheoli achosion yr awdurdod.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Main system ID:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;ID y brif system:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Main system ID: %1</source>
        <translation>ID y brif system: %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3 to %4, ended)</source>
        <translation>%1 (%2, %3 i %4, wedi dod i ben)</translation>
    </message>
    <message>
        <source>%1 (%2, ended %3)</source>
        <translation>%1 (%2, daeth i ben %3)</translation>
    </message>
    <message>
        <source>%1 (%2, from %3)</source>
        <translation>%1 (%2, o %3)</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PersonSearchModel</name>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>%1, also %2</source>
        <translation>%1, hefyd %2</translation>
    </message>
    <message>
        <source>Person ID</source>
        <translation>ID yr unigolyn</translation>
    </message>
    <message>
        <source>Date of birth or expected</source>
        <translation>Dyddiad geni neu&apos;r dyddiad disgwyliedig</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>disgwylir %1</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation>Gweithiwr allweddol</translation>
    </message>
    <message>
        <source>CP-IS status</source>
        <translation>Statws CP-IS</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Wedi&apos;i rannu</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Anfonwyd</translation>
    </message>
    <message>
        <source>Awaiting upload</source>
        <translation>Yn aros i&apos;w uwchlwytho</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Gwrthodwyd</translation>
    </message>
    <message>
        <source>Not shared: details missing</source>
        <translation>Heb ei rannu: manylion ar goll</translation>
    </message>
    <message>
        <source>Ended at 18</source>
        <translation>Daeth i ben yn 18 oed</translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation>Heb ei rannu</translation>
    </message>
    <message>
        <source>Main system ID</source>
        <translation>ID y brif system</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PersonSummaryPanel</name>
    <message>
        <source>Subject</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>Person ID</source>
        <translation>ID yr unigolyn</translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation>Dyddiad Geni</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Key Worker</source>
        <translation>Gweithiwr Allweddol</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Cynlluniau</translation>
    </message>
    <message>
        <source>Other Names</source>
        <translation>Enwau Eraill</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Rhybuddion agored</translation>
    </message>
    <message>
        <source>No step selected</source>
        <translation>Dim cam gwaith wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>Select a step in Current work to see the child&apos;s details, key worker, plans and alerts here.</source>
        <translation>Dewiswch gam gwaith yn Gwaith cyfredol i weld manylion y plentyn, y gweithiwr allweddol, y cynlluniau a&apos;r rhybuddion yma.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation>%1 (oed %2)</translation>
    </message>
    <message>
        <source>Unborn: expected %1</source>
        <translation>Heb ei eni: disgwylir %1</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not recorded&lt;/b&gt; – CP-IS cannot flag this child</source>
        <translation>&lt;b&gt;Heb ei gofnodi&lt;/b&gt; – ni all CP-IS roi baner ar y plentyn hwn</translation>
    </message>
    <message>
        <source> &lt;b&gt;(inactive)&lt;/b&gt;</source>
        <translation> &lt;b&gt;(anweithredol)&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (replaced)</source>
        <translation> (wedi&apos;i ddisodli)</translation>
    </message>
    <message>
        <source>&lt;b&gt;No current key worker&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dim gweithiwr allweddol cyfredol&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 i %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, since %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, ers %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>&lt;s&gt;%1&lt;/s&gt;, recorded in error</source>
        <translation>&lt;s&gt;%1&lt;/s&gt;, cofnodwyd mewn camgymeriad</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PlansDialog</name>
    <message>
        <source>Plans and legal statuses</source>
        <translation>Cynlluniau a statwsau cyfreithiol</translation>
    </message>
    <message>
        <source>Plans and legal statuses, current first</source>
        <translation>Cynlluniau a statwsau cyfreithiol, y rhai cyfredol yn gyntaf</translation>
    </message>
    <message>
        <source>Plan or legal status</source>
        <translation>Cynllun neu statws cyfreithiol</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>recorded in error: %1</source>
        <translation>cofnodwyd mewn camgymeriad: %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>wedi dod i ben</translation>
    </message>
    <message>
        <source>current</source>
        <translation>cyfredol</translation>
    </message>
    <message>
        <source>Start a &amp;plan or legal status:</source>
        <translation>Dechrau &amp;cynllun neu statws cyfreithiol:</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/BBBB</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>&amp;Dyddiad dechrau:</translation>
    </message>
    <message>
        <source>E&amp;nd date (for the plan chosen above):</source>
        <translation>Dyddiad &amp;gorffen (ar gyfer y cynllun a ddewiswyd uchod):</translation>
    </message>
    <message>
        <source>&amp;Why it was recorded in error:</source>
        <translation>&amp;Pam y&apos;i cofnodwyd mewn camgymeriad:</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>D&amp;echrau</translation>
    </message>
    <message>
        <source>&amp;End the chosen plan</source>
        <translation>Dod â&apos;r cynllun a ddewiswyd i &amp;ben</translation>
    </message>
    <message>
        <source>Chosen plan recorded in e&amp;rror</source>
        <translation>Cynllun a ddewiswyd wedi&apos;i gofnodi mewn ca&amp;mgymeriad</translation>
    </message>
    <message>
        <source>The start date is in the future.</source>
        <translation>Mae&apos;r dyddiad dechrau yn y dyfodol.</translation>
    </message>
    <message>
        <source>Choose the plan in the list above first.</source>
        <translation>Dewiswch y cynllun yn y rhestr uchod yn gyntaf.</translation>
    </message>
    <message>
        <source>That plan is not current: it has ended or was recorded in error.</source>
        <translation>Nid yw&apos;r cynllun hwnnw&apos;n gyfredol: mae wedi dod i ben neu fe&apos;i cofnodwyd mewn camgymeriad.</translation>
    </message>
    <message>
        <source>Say why the plan was recorded in error: CP-IS is told to remove it.</source>
        <translation>Dywedwch pam y cofnodwyd y cynllun mewn camgymeriad: dywedir wrth CP-IS am ei ddileu.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::RecordDialog</name>
    <message>
        <source>An NHS number is ten digits.</source>
        <translation>Mae rhif GIG yn ddeg digid.</translation>
    </message>
    <message>
        <source>An NHS number is digits only (spaces are allowed).</source>
        <translation>Digidau yn unig yw rhif GIG (caniateir bylchau).</translation>
    </message>
    <message>
        <source>This is not an NHS number: the check digit (Modulus 11) does not match. Check it was typed correctly.</source>
        <translation>Nid rhif GIG yw hwn: nid yw&apos;r digid gwirio (Modwlws 11) yn cyfateb. Gwiriwch iddo gael ei deipio&apos;n gywir.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Newidiadau heb eu cadw</translation>
    </message>
    <message>
        <source>Save the changes to this child&apos;s record?</source>
        <translation>Cadw&apos;r newidiadau i gofnod y plentyn hwn?</translation>
    </message>
    <message>
        <source>Discard leaves the record as it was.</source>
        <translation>Mae Gwaredu yn gadael y cofnod fel yr oedd.</translation>
    </message>
    <message>
        <source>Type the date as DD/MM/YYYY.</source>
        <translation>Teipiwch y dyddiad fel DD/MM/BBBB.</translation>
    </message>
    <message>
        <source>“%1” is not a date: type it as DD/MM/YYYY.</source>
        <translation>Nid yw “%1” yn ddyddiad: teipiwch ef fel DD/MM/BBBB.</translation>
    </message>
    <message>
        <source>ten digits, e.g. 943 476 5919</source>
        <translation>deg digid, e.e. 943 476 5919</translation>
    </message>
    <message>
        <source>Type the NHS number: ten digits.</source>
        <translation>Teipiwch y rhif GIG: deg digid.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::RecordsImportWindow</name>
    <message>
        <source>Line</source>
        <translation>Llinell</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colofn</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Wedi newid</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Heb newid</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Wedi’i wrthod</translation>
    </message>
    <message>
        <source>Missing from the file</source>
        <translation>Ddim yn y ffeil</translation>
    </message>
    <message>
        <source>Import children on plans from the main case system</source>
        <translation>Mewnforio plant ar gynlluniau o’r brif system achosion</translation>
    </message>
    <message>
        <source>Choose the CSV file the main case system wrote. It is checked first: nothing changes until you press Import.</source>
        <translation>Dewiswch y ffeil CSV a ysgrifennodd y brif system achosion. Caiff ei gwirio yn gyntaf: does dim yn newid nes i chi bwyso Mewnforio.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Ffeil:</translation>
    </message>
    <message>
        <source>The records file to import</source>
        <translation>Y ffeil cofnodion i’w mewnforio</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Dewis…</translation>
    </message>
    <message>
        <source>The file lists &amp;every child on a plan (list the plans here it lacks)</source>
        <translation>Mae’r ffeil yn rhestru &amp;pob plentyn ar gynllun (rhestru’r cynlluniau yma sydd ar goll ohoni)</translation>
    </message>
    <message>
        <source>&amp;Check the file</source>
        <translation>&amp;Gwirio’r ffeil</translation>
    </message>
    <message>
        <source>What each row of the file would become</source>
        <translation>Beth fyddai pob rhes o’r ffeil yn dod</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Mewnforio</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Canslo’r mewnforio</translation>
    </message>
    <message>
        <source>Choose the records file</source>
        <translation>Dewis y ffeil cofnodion</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose the file to import first.</source>
        <translation>Dewiswch y ffeil i’w mewnforio yn gyntaf.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Wrthi’n gwirio %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Wrthi’n mewnforio %1…</translation>
    </message>
    <message>
        <source>Checking the file was cancelled.</source>
        <translation>Cafodd gwirio’r ffeil ei ganslo.</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was applied.</source>
        <translation>Cafodd y mewnforio ei ganslo: ni chafodd dim ei gymhwyso.</translation>
    </message>
    <message>
        <source>Every row can be imported. Press Import to apply them.</source>
        <translation>Gellir mewnforio pob rhes. Pwyswch Mewnforio i’w cymhwyso.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would be refused, with the reasons below; the others can be imported.</source>
        <translation>
            <numerusform>Byddai %n rhes yn cael eu gwrthod, gyda’r rhesymau isod; gellir mewnforio’r lleill.</numerusform>
            <numerusform>Byddai %n rhes yn cael eu gwrthod, gyda’r rhesymau isod; gellir mewnforio’r lleill.</numerusform>
            <numerusform>Byddai %n rhes yn cael eu gwrthod, gyda’r rhesymau isod; gellir mewnforio’r lleill.</numerusform>
            <numerusform>Byddai %n rhes yn cael eu gwrthod, gyda’r rhesymau isod; gellir mewnforio’r lleill.</numerusform>
            <numerusform>Byddai %n rhes yn cael eu gwrthod, gyda’r rhesymau isod; gellir mewnforio’r lleill.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: every row was applied.</source>
        <translation>Wedi mewnforio: cymhwyswyd pob rhes.</translation>
    </message>
    <message numerus="yes">
        <source>Imported, but %n row(s) were refused, with the reasons below.</source>
        <translation>
            <numerusform>Wedi mewnforio, ond gwrthodwyd %n rhes, gyda’r rhesymau isod.</numerusform>
            <numerusform>Wedi mewnforio, ond gwrthodwyd %n rhes, gyda’r rhesymau isod.</numerusform>
            <numerusform>Wedi mewnforio, ond gwrthodwyd %n rhes, gyda’r rhesymau isod.</numerusform>
            <numerusform>Wedi mewnforio, ond gwrthodwyd %n rhes, gyda’r rhesymau isod.</numerusform>
            <numerusform>Wedi mewnforio, ond gwrthodwyd %n rhes, gyda’r rhesymau isod.</numerusform>
        </translation>
    </message>
    <message>
        <source>How far the import is</source>
        <translation>Pa mor bell yw&apos;r mewnforio</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Mewnforio cofnodion</translation>
    </message>
</context>
<context>
    <name>cpis::ui::RequestWindow</name>
    <message>
        <source>%1 : %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Cydnabod</translation>
    </message>
    <message>
        <source>Record that you have read this request</source>
        <translation>Cofnodi eich bod wedi darllen y cais hwn</translation>
    </message>
    <message>
        <source>Add &amp;case note</source>
        <translation>Ychwanegu &amp;nodyn achos</translation>
    </message>
    <message>
        <source>Add a CP-IS Follow Up case note saying what action was taken</source>
        <translation>Ychwanegu nodyn achos CP-IS Follow Up yn dweud pa gamau a gymerwyd</translation>
    </message>
    <message>
        <source>Con&amp;tinue draft</source>
        <translation>Parhau â&apos;r d&amp;rafft</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Argraffu…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Cadw fel PD&amp;F…</translation>
    </message>
    <message>
        <source>Person &amp;record</source>
        <translation>Cofnod yr &amp;unigolyn</translation>
    </message>
    <message>
        <source>Child&apos;s Details</source>
        <translation>Manylion y Plentyn</translation>
    </message>
    <message>
        <source>Child&apos;s Name</source>
        <translation>Enw&apos;r Plentyn</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation>Dyddiad Geni</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Hysbysiad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Next actions</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Case notes for this request</source>
        <translation>Nodiadau achos ar gyfer y cais hwn</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>Crynod&amp;eb</translation>
    </message>
    <message>
        <source>D&amp;ocument</source>
        <translation>D&amp;ogfen</translation>
    </message>
    <message>
        <source>The request could not be loaded: %1</source>
        <translation>Nid oedd modd llwytho&apos;r cais: %1</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation>%1 (oed %2)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Ffynhonnell: %1</translation>
    </message>
    <message>
        <source>No details recorded.</source>
        <translation>Dim manylion wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>%1 — %2 (%3, %4)</source>
        <translation>%1 — %2 (%3, %4)</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Dim.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4
%5</source>
        <translation>%1 · %2 · %3 · %4
%5</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Drafft</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Anfonwyd %1</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Cydnabuwyd gan %1 am %2</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Heb ei gydnabod</translation>
    </message>
    <message>
        <source>Awaiting case note</source>
        <translation>Yn aros am nodyn achos</translation>
    </message>
    <message>
        <source>A case note is needed only if you have concerns</source>
        <translation>Dim ond os oes gennych bryderon y mae angen nodyn achos</translation>
    </message>
    <message>
        <source>Case note added</source>
        <translation>Ychwanegwyd nodyn achos</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Heb ei gydnabod: %1</translation>
    </message>
    <message>
        <source>Acknowledged.</source>
        <translation>Wedi&apos;i gydnabod.</translation>
    </message>
    <message>
        <source>Case note finished.</source>
        <translation>Gorffennwyd y nodyn achos.</translation>
    </message>
    <message>
        <source>Case note saved as a draft.</source>
        <translation>Cadwyd y nodyn achos fel drafft.</translation>
    </message>
    <message>
        <source>Print document</source>
        <translation>Argraffu&apos;r ddogfen</translation>
    </message>
    <message>
        <source>CPIS Follow Up %1 %2.pdf</source>
        <translation>CPIS Follow Up %1 %2.pdf</translation>
    </message>
    <message>
        <source>Save document as PDF</source>
        <translation>Cadw&apos;r ddogfen fel PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Cadwyd %1.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dogfen</translation>
    </message>
    <message>
        <source>The notification, the request and the next actions as one printable page</source>
        <translation>Yr hysbysiad, y cais a&apos;r camau nesaf fel un dudalen i&apos;w hargraffu</translation>
    </message>
    <message>
        <source>Open the subject&apos;s person record</source>
        <translation>Agor cofnod yr unigolyn</translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation>Argraffu&apos;r ddogfen</translation>
    </message>
    <message>
        <source>Key Worker</source>
        <translation>Gweithiwr Allweddol</translation>
    </message>
    <message>
        <source>No key worker</source>
        <translation>Dim gweithiwr allweddol</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ResolveMessageDialog</name>
    <message>
        <source>Mark resolved</source>
        <translation>Nodi wedi&apos;i ddatrys</translation>
    </message>
    <message>
        <source>&amp;Note*</source>
        <translation>&amp;Nodyn*</translation>
    </message>
    <message>
        <source>For example: duplicate of message 41, already handled by the Safeguarding Admin</source>
        <translation>Er enghraifft: dyblygiad o neges 41, wedi&apos;i thrin eisoes gan y Gweinyddwr Diogelu</translation>
    </message>
    <message>
        <source>Mark &amp;resolved</source>
        <translation>Nodi wedi&apos;i &amp;ddatrys</translation>
    </message>
    <message>
        <source>A note is required: say how the message was resolved.</source>
        <translation>Mae angen nodyn: dywedwch sut y cafodd y neges ei datrys.</translation>
    </message>
    <message>
        <source>was quarantined.</source>
        <translation>wedi&apos;i roi mewn cwarantin.</translation>
    </message>
    <message>
        <source>was quarantined: %1</source>
        <translation>wedi&apos;i roi mewn cwarantin: %1</translation>
    </message>
    <message>
        <source>is waiting to be processed.</source>
        <translation>yn aros i gael ei brosesu.</translation>
    </message>
    <message>
        <source>is waiting to be processed; the last exchange could not process it: %1</source>
        <translation>yn aros i gael ei brosesu; ni allai&apos;r cyfnewid diwethaf ei brosesu: %1</translation>
    </message>
    <message>
        <source>has not been processed.</source>
        <translation>heb ei brosesu.</translation>
    </message>
    <message>
        <source>has not been processed: %1</source>
        <translation>heb ei brosesu: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Marking it resolved takes it off the list without processing it. Say what was done instead.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;Mae ei nodi wedi&apos;i ddatrys yn ei dynnu oddi ar y rhestr heb ei brosesu. Dywedwch beth a wnaed yn lle hynny.</translation>
    </message>
    <message>
        <source>Note not used</source>
        <translation>Nodyn heb ei ddefnyddio</translation>
    </message>
    <message>
        <source>Mark the message resolved with the note you typed?</source>
        <translation>Nodi bod y neges wedi&apos;i datrys gyda&apos;r nodyn a deipiwyd gennych?</translation>
    </message>
    <message>
        <source>Mark resolved takes it off the list with this note. Discard loses the note and leaves the message as it is; Cancel goes back to the note.</source>
        <translation>Mae Nodi wedi&apos;i ddatrys yn ei thynnu oddi ar y rhestr gyda&apos;r nodyn hwn. Mae Taflu yn colli&apos;r nodyn ac yn gadael y neges fel y mae; mae Canslo yn mynd yn ôl at y nodyn.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::RestrictedDialog</name>
    <message>
        <source>Restricted record</source>
        <translation>Cofnod cyfyngedig</translation>
    </message>
    <message>
        <source>&amp;Restricted: only the workers below may see this child</source>
        <translation>&amp;Cyfyngedig: dim ond y gweithwyr isod all weld y plentyn hwn</translation>
    </message>
    <message>
        <source>&amp;Workers with access:</source>
        <translation>&amp;Gweithwyr â mynediad:</translation>
    </message>
    <message>
        <source>Wor&amp;ker to grant access:</source>
        <translation>Gweithiwr i roi &amp;mynediad iddo:</translation>
    </message>
    <message>
        <source>&amp;Grant access</source>
        <translation>&amp;Rhoi mynediad</translation>
    </message>
    <message>
        <source>Re&amp;move chosen access</source>
        <translation>&amp;Dileu&apos;r mynediad a ddewiswyd</translation>
    </message>
    <message>
        <source>Marking a record restricted keeps it in sight of you and the child&apos;s key worker; grant anyone else who needs it.</source>
        <translation>Mae nodi bod cofnod yn gyfyngedig yn ei gadw yng ngolwg chi a gweithiwr allweddol y plentyn; rhowch fynediad i unrhyw un arall sydd ei angen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The record is already restricted.</source>
        <translation>Mae&apos;r cofnod yn gyfyngedig eisoes.</translation>
    </message>
    <message>
        <source>The record is not restricted.</source>
        <translation>Nid yw&apos;r cofnod yn gyfyngedig.</translation>
    </message>
    <message>
        <source>Choose a worker from the list.</source>
        <translation>Dewiswch weithiwr o&apos;r rhestr.</translation>
    </message>
    <message>
        <source>Choose a worker in the list first.</source>
        <translation>Dewiswch weithiwr yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>cpis::ui::SectionState</name>
    <message>
        <source>✓ Section completed</source>
        <translation>✓ Adran wedi&apos;i chwblhau</translation>
    </message>
    <message>
        <source>Not completed yet</source>
        <translation>Heb ei gwblhau eto</translation>
    </message>
    <message>
        <source>Section completed</source>
        <translation>Adran wedi&apos;i chwblhau</translation>
    </message>
    <message>
        <source>Section not completed yet</source>
        <translation>Adran heb ei chwblhau eto</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr bysellfwrdd</translation>
    </message>
    <message>
        <source>In Current work, start typing to find a step: the text goes into the Find box. Tab and Shift+Tab move between controls; underlined letters with Alt press a button.</source>
        <translation>Yn y gwaith cyfredol, dechreuwch deipio i ddod o hyd i gam gwaith: mae&apos;r testun yn mynd i&apos;r blwch Chwilio. Mae Tab a Shift+Tab yn symud rhwng rheolyddion; mae&apos;r llythrennau wedi&apos;u tanlinellu gydag Alt yn pwyso botwm.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Bysellau</translation>
    </message>
    <message>
        <source>Everywhere in the main window</source>
        <translation>Ym mhobman yn y brif ffenestr</translation>
    </message>
    <message>
        <source>Workview</source>
        <translation>Golwg gwaith</translation>
    </message>
    <message>
        <source>CPIS Follow Up step</source>
        <translation>Cam gwaith CPIS Follow Up</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Cais</translation>
    </message>
    <message>
        <source> or </source>
        <translation> neu </translation>
    </message>
</context>
<context>
    <name>cpis::ui::SignInDialog</name>
    <message>
        <source>Sign in to CP-IS Workview</source>
        <translation>Mewngofnodi i CP-IS Workview</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>This is the embedded database with sample data. Choose who to sign in as:</source>
        <translation>Dyma&apos;r gronfa ddata fewnol gyda data enghreifftiol. Dewiswch pwy i fewngofnodi fel:</translation>
    </message>
    <message>
        <source>&amp;Remember my password (in the system keychain)</source>
        <translation>C&amp;ofio fy nghyfrinair (yng nghadwyn allweddi&apos;r system)</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Enw mewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Cyfrinair</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Mewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>%1 — %2%3  (%4)</source>
        <translation>%1 — %2%3  (%4)</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Yn mewngofnodi…</translation>
    </message>
    <message>
        <source>Choose who to sign in as.</source>
        <translation>Dewiswch pwy i fewngofnodi fel.</translation>
    </message>
    <message>
        <source>Login is required.</source>
        <translation>Mae angen enw mewngofnodi.</translation>
    </message>
    <message>
        <source>Who is signing in</source>
        <translation>Pwy sy&apos;n mewngofnodi</translation>
    </message>
</context>
<context>
    <name>cpis::ui::StepWindow</name>
    <message>
        <source>CPIS Follow Up</source>
        <translation>CPIS Follow Up</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Gorffen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>1. CPIS Follow Up</source>
        <translation>1. CPIS Follow Up</translation>
    </message>
    <message>
        <source>2. Next actions</source>
        <translation>2. Camau nesaf</translation>
    </message>
    <message>
        <source>✓ indicates completed section</source>
        <translation>mae ✓ yn dangos adran wedi&apos;i chwblhau</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Adrannau</translation>
    </message>
    <message>
        <source>The connection to the case database is lost. Reconnecting… Everything you have added here is kept, and is saved once the connection is back.</source>
        <translation>Collwyd y cysylltiad â&apos;r gronfa ddata achosion. Yn ailgysylltu… Caiff popeth a ychwanegwyd gennych yma ei gadw, a&apos;i gadw yn y gronfa ddata unwaith y bydd y cysylltiad yn ôl.</translation>
    </message>
    <message>
        <source>The connection is back. Saving your changes…</source>
        <translation>Mae&apos;r cysylltiad yn ôl. Yn cadw eich newidiadau…</translation>
    </message>
    <message>
        <source>The connection is back.</source>
        <translation>Mae&apos;r cysylltiad yn ôl.</translation>
    </message>
    <message>
        <source>1. CPIS Follow Up (send the request to the allocated worker)</source>
        <translation>1. CPIS Follow Up (anfon y cais at y gweithiwr dyranedig)</translation>
    </message>
    <message>
        <source>2. Next actions (add a next action)</source>
        <translation>2. Camau nesaf (ychwanegu cam nesaf)</translation>
    </message>
    <message>
        <source>the request to %1</source>
        <translation>y cais at %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> a </translation>
    </message>
    <message>
        <source>%1 : %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>%1 notification, received %2</source>
        <translation>Hysbysiad %1, derbyniwyd %2</translation>
    </message>
    <message>
        <source> · started by %1 at %2</source>
        <translation> · dechreuwyd gan %1 am %2</translation>
    </message>
    <message>
        <source>Section completed</source>
        <translation>Adran wedi&apos;i chwblhau</translation>
    </message>
    <message>
        <source>Not completed yet</source>
        <translation>Heb ei gwblhau eto</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Dim i&apos;w gadw</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
    <message>
        <source>This step is %1.</source>
        <translation>Mae&apos;r cam gwaith hwn %1.</translation>
    </message>
    <message>
        <source>To finish, complete %1.</source>
        <translation>I orffen, cwblhewch %1.</translation>
    </message>
    <message>
        <source>Saving and finishing…</source>
        <translation>Yn cadw ac yn gorffen…</translation>
    </message>
    <message>
        <source>request sent to %1</source>
        <translation>anfonwyd cais at %1</translation>
    </message>
    <message>
        <source>next action added</source>
        <translation>ychwanegwyd cam nesaf</translation>
    </message>
    <message>
        <source>%1 next actions added</source>
        <translation>Ychwanegwyd %1 cam nesaf</translation>
    </message>
    <message>
        <source>Saved, but the step could not be finished: %1</source>
        <translation>Wedi&apos;i gadw, ond nid oedd modd gorffen y cam gwaith: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Wedi&apos;i gadw: %1.</translation>
    </message>
    <message>
        <source>The connection to the case database is lost, so the step is not saved yet. Everything you added is kept here, and the step is saved once the connection is back.</source>
        <translation>Collwyd y cysylltiad â&apos;r gronfa ddata achosion, felly nid yw&apos;r cam gwaith wedi&apos;i gadw eto. Caiff popeth a ychwanegwyd gennych ei gadw yma, a chaiff y cam gwaith ei gadw unwaith y bydd y cysylltiad yn ôl.</translation>
    </message>
    <message>
        <source>This step was changed elsewhere while the connection was lost.</source>
        <translation>Newidiwyd y cam gwaith hwn yn rhywle arall tra oedd y cysylltiad wedi&apos;i golli.</translation>
    </message>
    <message>
        <source>Saved: your save reached the database just before the connection was lost, so nothing was sent twice.</source>
        <translation>Wedi&apos;i gadw: cyrhaeddodd eich cadw y gronfa ddata ychydig cyn i&apos;r cysylltiad gael ei golli, felly ni anfonwyd dim ddwywaith.</translation>
    </message>
    <message>
        <source>The step was changed</source>
        <translation>Newidiwyd y cam gwaith</translation>
    </message>
    <message>
        <source>Reload the step to see the changes. What you added here and have not saved yet is kept, so you can check it and save again.</source>
        <translation>Ail-lwythwch y cam gwaith i weld y newidiadau. Caiff yr hyn a ychwanegwyd gennych yma ac nad ydych wedi&apos;i gadw eto ei gadw, fel y gallwch ei wirio a&apos;i gadw eto.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Ail&amp;lwytho</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nid nawr</translation>
    </message>
    <message>
        <source>Reloaded. Check your additions and save again.</source>
        <translation>Wedi ail-lwytho. Gwiriwch eich ychwanegiadau a&apos;u cadw eto.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>A request has already been sent from this step to %1. OK adds another.</source>
        <translation>Mae cais eisoes wedi&apos;i anfon o&apos;r cam gwaith hwn at %1. Mae Iawn yn ychwanegu un arall.</translation>
    </message>
    <message>
        <source>The request to %1 is ready. It will be sent when you save.</source>
        <translation>Mae&apos;r cais at %1 yn barod. Caiff ei anfon pan fyddwch yn cadw.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Newidiadau heb eu cadw</translation>
    </message>
    <message>
        <source>Save the changes to this step before closing?</source>
        <translation>Cadw&apos;r newidiadau i&apos;r cam gwaith hwn cyn cau?</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Discard throws them away; nothing is sent.</source>
        <translation>Heb eu cadw eto: %1. Mae Taflu yn cael gwared arnynt; nid oes dim yn cael ei anfon.</translation>
    </message>
    <message numerus="yes">
        <source>%n next action(s)</source>
        <translation>
            <numerusform>%n cam nesaf</numerusform>
            <numerusform>%n cam nesaf</numerusform>
            <numerusform>%n cam nesaf</numerusform>
            <numerusform>%n cam nesaf</numerusform>
            <numerusform>%n cam nesaf</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the step</source>
        <translation>Cau&apos;r cam gwaith</translation>
    </message>
    <message>
        <source>Save the step and send its request</source>
        <translation>Cadw&apos;r cam gwaith ac anfon ei gais</translation>
    </message>
    <message>
        <source>Save and finish the step; it then leaves Current work</source>
        <translation>Cadw a gorffen y cam gwaith; wedyn mae&apos;n gadael y gwaith cyfredol</translation>
    </message>
    <message>
        <source>Open to read: nobody has started this step. Start work on it in Current work to work on it.</source>
        <translation>Ar agor i&apos;w ddarllen: nid oes neb wedi dechrau&apos;r cam hwn. Dechreuwch waith arno yn Gwaith cyfredol i weithio arno.</translation>
    </message>
    <message>
        <source>Open to read: %1 has had this step since %2.</source>
        <translation>Ar agor i&apos;w ddarllen: mae&apos;r cam hwn wedi bod gan %1 ers %2.</translation>
    </message>
    <message>
        <source>%1 for %2 is back in Incoming work: nothing was saved on it.</source>
        <translation>Mae %1 ar gyfer %2 yn ôl yn Gwaith sy&apos;n dod i mewn: ni chadwyd dim arno.</translation>
    </message>
    <message>
        <source>%1 for %2 finished.</source>
        <translation>%1 ar gyfer %2 wedi gorffen.</translation>
    </message>
    <message>
        <source>%1 for %2 finished: request sent to %3</source>
        <translation>%1 ar gyfer %2 wedi gorffen: cais wedi&apos;i anfon at %3</translation>
    </message>
</context>
<context>
    <name>cpis::ui::TeamRequestsPanel</name>
    <message>
        <source>Subject</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Anfonwyd at</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Cais</translation>
    </message>
    <message>
        <source>Pass to another &amp;worker…</source>
        <translation>Trosglwyddo i &amp;weithiwr arall…</translation>
    </message>
    <message>
        <source>Pass the selected request to someone else in the team, for example when the worker is on leave</source>
        <translation>Trosglwyddo&apos;r cais a ddewiswyd i rywun arall yn y tîm, er enghraifft pan fydd y gweithiwr ar wyliau</translation>
    </message>
    <message>
        <source>The team&apos;s requests could not be loaded: %1</source>
        <translation>Nid oedd modd llwytho ceisiadau&apos;r tîm: %1</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Wedi&apos;i gydnabod</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Heb ei gydnabod</translation>
    </message>
    <message>
        <source>awaiting case note</source>
        <translation>yn aros am nodyn achos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Anfonwyd %1</translation>
    </message>
    <message>
        <source>Team&apos;s outstanding requests (%1)</source>
        <translation>Ceisiadau&apos;r tîm sydd heb eu gwneud (%1)</translation>
    </message>
    <message>
        <source>Pass request on</source>
        <translation>Trosglwyddo&apos;r cais</translation>
    </message>
    <message>
        <source>Why is it passed to %1? (for example, on leave)</source>
        <translation>Pam mae&apos;n cael ei drosglwyddo i %1? (er enghraifft, ar wyliau)</translation>
    </message>
    <message>
        <source>Not passed on: %1</source>
        <translation>Heb ei drosglwyddo: %1</translation>
    </message>
    <message>
        <source>Passed on.</source>
        <translation>Wedi&apos;i drosglwyddo.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
        </translation>
    </message>
    <message>
        <source>Team&apos;s outstanding requests</source>
        <translation>Ceisiadau&apos;r tîm sy&apos;n aros</translation>
    </message>
</context>
<context>
    <name>cpis::ui::UserRolesDialog</name>
    <message>
        <source>Roles of %1</source>
        <translation>Rolau %1</translation>
    </message>
    <message>
        <source>&amp;Save roles</source>
        <translation>&amp;Cadw rolau</translation>
    </message>
</context>
<context>
    <name>cpis::ui::UsersModel</name>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Enw mewngofnodi</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rolau</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Can sign in</source>
        <translation>Yn gallu mewngofnodi</translation>
    </message>
    <message>
        <source>No: disabled</source>
        <translation>Na: wedi&apos;i analluogi</translation>
    </message>
    <message>
        <source>Yes, must choose a new password</source>
        <translation>Ydy, rhaid dewis cyfrinair newydd</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ydy</translation>
    </message>
    <message>
        <source>Last signed in</source>
        <translation>Mewngofnodi diwethaf</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>anhysbys</translation>
    </message>
    <message>
        <source>Safeguarding Admin</source>
        <translation>Gweinyddwr Diogelu</translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation>Gweithiwr allweddol</translation>
    </message>
    <message>
        <source>Team manager</source>
        <translation>Rheolwr tîm</translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation>Gweinyddwr systemau</translation>
    </message>
    <message>
        <source>Records officer</source>
        <translation>Swyddog cofnodion</translation>
    </message>
    <message>
        <source>CP-IS exchange</source>
        <translation>Cyfnewidfa CP-IS</translation>
    </message>
</context>
<context>
    <name>cpis::ui::UsersWindow</name>
    <message>
        <source>Users — CP-IS Workview</source>
        <translation>Defnyddwyr — CP-IS Workview</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Defnyddwyr</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Ychwanegu defnyddiwr…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Analluogi</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Ailosod &amp;cyfrinair…</translation>
    </message>
    <message>
        <source>Change r&amp;oles…</source>
        <translation>Newid &amp;rolau…</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Galluogi</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>Ychwanegwyd %1.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>Gall %1 fewngofnodi eto.</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>Analluogi %1?</translation>
    </message>
    <message>
        <source>Disable %1 (%2)?</source>
        <translation>Analluogi %1 (%2)?</translation>
    </message>
    <message>
        <source>They will not be able to sign in. The steps they hold stay in their colleagues&apos; Current work, to take over.</source>
        <translation>Ni fyddant yn gallu mewngofnodi. Mae&apos;r camau sydd ganddynt yn aros yng Ngwaith cyfredol eu cydweithwyr, i&apos;w cymryd drosodd.</translation>
    </message>
    <message>
        <source>%1 is disabled: they cannot sign in.</source>
        <translation>Mae %1 wedi&apos;i analluogi: ni all fewngofnodi.</translation>
    </message>
    <message>
        <source>Reset the password of %1?</source>
        <translation>Ailosod cyfrinair %1?</translation>
    </message>
    <message>
        <source>Give %1 (%2) a one-time password?</source>
        <translation>Rhoi cyfrinair untro i %1 (%2)?</translation>
    </message>
    <message>
        <source>Their present password stops working. They must choose their own when they next sign in.</source>
        <translation>Mae eu cyfrinair presennol yn peidio â gweithio. Rhaid iddynt ddewis eu cyfrinair eu hunain pan fyddant yn mewngofnodi nesaf.</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Ailosod cyfrinair</translation>
    </message>
    <message>
        <source>%1 has a one-time password.</source>
        <translation>Mae gan %1 gyfrinair untro.</translation>
    </message>
    <message>
        <source>One-time password</source>
        <translation>Cyfrinair untro</translation>
    </message>
    <message>
        <source>One-time password for %1: %2</source>
        <translation>Cyfrinair untro %1: %2</translation>
    </message>
    <message>
        <source>It is shown only now: give it to them in person or by phone. They must choose their own password when they sign in.</source>
        <translation>Fe&apos;i dangosir yn awr yn unig: rhowch ef iddynt wyneb yn wyneb neu dros y ffôn. Rhaid iddynt ddewis eu cyfrinair eu hunain pan fyddant yn mewngofnodi.</translation>
    </message>
    <message>
        <source>The roles of %1 are saved.</source>
        <translation>Mae rolau %1 wedi&apos;u cadw.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::WorkerListModel</name>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source>%1 (current Key Worker)</source>
        <translation>%1 (Gweithiwr Allweddol presennol)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Team Manager</source>
        <translation>Rheolwr Tîm</translation>
    </message>
    <message>
        <source>Key Worker</source>
        <translation>Gweithiwr Allweddol</translation>
    </message>
</context>
<context>
    <name>cpis::ui::WorkviewPage</name>
    <message>
        <source>Current work</source>
        <translation>Gwaith cyfredol</translation>
    </message>
    <message>
        <source>Incoming work (%1)</source>
        <translation>Gwaith sy&apos;n dod i mewn (%1)</translation>
    </message>
    <message>
        <source>Work in progress (%1)</source>
        <translation>Gwaith ar y gweill (%1)</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Pob ffynhonnell</translation>
    </message>
    <message>
        <source>A&amp;E</source>
        <translation>Adran Achosion Brys</translation>
    </message>
    <message>
        <source>DHU-111</source>
        <translation>DHU-111</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Ffynhonnell:</translation>
    </message>
    <message>
        <source>O&amp;verdue only</source>
        <translation>Yn &amp;hwyr yn unig</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Pawb</translation>
    </message>
    <message>
        <source>Mine (and not yet started)</source>
        <translation>Fy rhai i (a heb eu dechrau)</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Dang&amp;os:</translation>
    </message>
    <message>
        <source>&amp;Start work</source>
        <translation>&amp;Dechrau gwaith</translation>
    </message>
    <message>
        <source>O&amp;pen step</source>
        <translation>&amp;Agor y cam gwaith</translation>
    </message>
    <message>
        <source>&amp;Cancel work</source>
        <translation>Ca&amp;nslo gwaith</translation>
    </message>
    <message>
        <source>Cancel the selected step, with a reason (for example a duplicate)</source>
        <translation>Canslo&apos;r cam gwaith a ddewiswyd, gyda rheswm (er enghraifft dyblygiad)</translation>
    </message>
    <message>
        <source>Current work could not be loaded: %1</source>
        <translation>Nid oedd modd llwytho&apos;r gwaith cyfredol: %1</translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>Nid oes dim yn cyfateb i&apos;r hidlyddion hyn.</translation>
    </message>
    <message>
        <source>No incoming work. New CP-IS notifications appear here by themselves.</source>
        <translation>Dim gwaith yn dod i mewn. Mae hysbysiadau CP-IS newydd yn ymddangos yma ohonynt eu hunain.</translation>
    </message>
    <message>
        <source>No work in progress.</source>
        <translation>Dim gwaith ar y gweill.</translation>
    </message>
    <message>
        <source>%1 is working on this step.</source>
        <translation>Mae %1 yn gweithio ar y cam gwaith hwn.</translation>
    </message>
    <message>
        <source>You cannot start this step: %1</source>
        <translation>Ni allwch ddechrau&apos;r cam gwaith hwn: %1</translation>
    </message>
    <message>
        <source>Work cancelled: CPIS Follow Up for %1.</source>
        <translation>Canslwyd y gwaith: CPIS Follow Up ar gyfer %1.</translation>
    </message>
    <message>
        <source>Name, person ID, key worker…</source>
        <translation>Enw, ID yr unigolyn, gweithiwr allweddol…</translation>
    </message>
    <message>
        <source>Show only steps whose row contains this text; typing in the list starts a search too</source>
        <translation>Dangos dim ond y camau gwaith y mae eu rhes yn cynnwys y testun hwn; mae teipio yn y rhestr yn dechrau chwilio hefyd</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>Chwi&amp;lio:</translation>
    </message>
    <message>
        <source>Claim the selected step and open it</source>
        <translation>Hawlio&apos;r cam gwaith a ddewiswyd a&apos;i agor</translation>
    </message>
    <message>
        <source>Record that you have dealt with the selected alert</source>
        <translation>Cofnodi eich bod wedi delio â&apos;r rhybudd a ddewiswyd</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Open the step: yours to work on, any other to read</source>
        <translation>Agor y cam: eich un chi i weithio arno, unrhyw un arall i&apos;w ddarllen</translation>
    </message>
    <message>
        <source>&amp;Take over…</source>
        <translation>Cymr&amp;yd drosodd…</translation>
    </message>
    <message>
        <source>Make a colleague&apos;s step yours (they are told)</source>
        <translation>Gwneud cam cydweithiwr yn eiddo i chi (dywedir wrthyn nhw)</translation>
    </message>
    <message>
        <source>No incoming work.</source>
        <translation>Dim gwaith yn dod i mewn.</translation>
    </message>
    <message>
        <source>O&amp;pen to read</source>
        <translation>&amp;Agor i ddarllen</translation>
    </message>
    <message>
        <source>Open it to read it, or take it over.</source>
        <translation>Agorwch ef i&apos;w ddarllen, neu cymerwch ef drosodd.</translation>
    </message>
    <message>
        <source>Open it to read it.</source>
        <translation>Agorwch ef i&apos;w ddarllen.</translation>
    </message>
    <message>
        <source>%1 is working on this step. %2</source>
        <translation>Mae %1 yn gweithio ar y cam hwn. %2</translation>
    </message>
    <message>
        <source>%1 has had this step since %2. %3</source>
        <translation>Mae&apos;r cam hwn wedi bod gan %1 ers %2. %3</translation>
    </message>
    <message>
        <source>Take over the step</source>
        <translation>Cymryd y cam drosodd</translation>
    </message>
    <message>
        <source>Take over the CPIS Follow Up for %1 from %2?</source>
        <translation>Cymryd y CPIS Follow Up ar gyfer %1 drosodd oddi wrth %2?</translation>
    </message>
    <message>
        <source>It becomes yours to work on. %1 is told by an alert; anything they have not saved on it is not on the step.</source>
        <translation>Bydd yn eiddo i chi i weithio arno. Dywedir wrth %1 drwy rybudd; nid yw unrhyw beth nad ydyn nhw wedi&apos;i gadw arno ar y cam.</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>&amp;Cymryd drosodd</translation>
    </message>
    <message>
        <source>Not taken over: %1</source>
        <translation>Heb ei gymryd drosodd: %1</translation>
    </message>
    <message>
        <source>You have taken over the CPIS Follow Up for %1 from %2, who has been told.</source>
        <translation>Rydych wedi cymryd y CPIS Follow Up ar gyfer %1 drosodd oddi wrth %2, a dywedwyd wrthyn nhw.</translation>
    </message>
    <message>
        <source>Steps for %1.</source>
        <translation>Camau gwaith ar gyfer %1.</translation>
    </message>
    <message>
        <source>Steps for %1 and for %2, the virtual worker you work from.</source>
        <translation>Camau gwaith ar gyfer %1 ac ar gyfer %2, y gweithiwr rhithwir rydych chi&apos;n gweithio ohono.</translation>
    </message>
    <message>
        <source>Steps for %1 and for the virtual workers you work from: %2.</source>
        <translation>Camau gwaith ar gyfer %1 ac ar gyfer y gweithwyr rhithwir rydych chi&apos;n gweithio ohonynt: %2.</translation>
    </message>
</context>
</TS>
