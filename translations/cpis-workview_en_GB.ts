<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Display</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::DataQualityWindow</name>
    <message numerus="yes">
        <source>%n more child(ren) with a problem have restricted records you may not open: counted here, not listed.</source>
        <translation>
            <numerusform>%n more child with a problem has a restricted record you may not open: counted here, not listed.</numerusform>
            <numerusform>%n more children with a problem have restricted records you may not open: counted here, not listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n notification(s) to %1.</source>
        <translation>
            <numerusform>Saved %n notification to %1.</numerusform>
            <numerusform>Saved %n notifications to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::FindChildDialog</name>
    <message numerus="yes">
        <source>%n child(ren) found.</source>
        <translation>
            <numerusform>%n child found.</numerusform>
            <numerusform>%n children found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::FindWorkerDialog</name>
    <message numerus="yes">
        <source>%n caseworkers&apos; names contain “%1”. Press Down to pick one, then Enter.</source>
        <translation>
            <numerusform>%n caseworker&apos;s name contains “%1”. Press Down to pick it, then Enter.</numerusform>
            <numerusform>%n caseworkers&apos; names contain “%1”. Press Down to pick one, then Enter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::FinishedStepsPanel</name>
    <message numerus="yes">
        <source>The %n most recently finished.</source>
        <translation>
            <numerusform>The %n most recently finished.</numerusform>
            <numerusform>The %n most recently finished.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n finished steps.</source>
        <translation>
            <numerusform>%n finished step, the only one.</numerusform>
            <numerusform>All %n finished steps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::RecordsImportWindow</name>
    <message numerus="yes">
        <source>%n row(s) would be refused, with the reasons below; the others can be imported.</source>
        <translation>
            <numerusform>%n row would be refused, with the reason below; the others can be imported.</numerusform>
            <numerusform>%n rows would be refused, with the reasons below; the others can be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported, but %n row(s) were refused, with the reasons below.</source>
        <translation>
            <numerusform>Imported, but %n row was refused, with the reason below.</numerusform>
            <numerusform>Imported, but %n rows were refused, with the reasons below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::StepWindow</name>
    <message numerus="yes">
        <source>%n next action(s)</source>
        <translation>
            <numerusform>%n next action</numerusform>
            <numerusform>%n next actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::TeamRequestsPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
</TS>
