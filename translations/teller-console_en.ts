<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>tc::CatalogMatchModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Screen</translation>
    </message>
    <message>
        <source>Customer message</source>
        <translation>Customer message</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
</context>
<context>
    <name>tc::ClosureReason</name>
    <message>
        <source>daily 00:00 pause</source>
        <translation>daily 00:00 pause</translation>
    </message>
    <message>
        <source>daily 04:00 pause</source>
        <translation>daily 04:00 pause</translation>
    </message>
    <message>
        <source>scheduled pause on the 1st and 3rd Monday</source>
        <translation>scheduled pause on the 1st and 3rd Monday</translation>
    </message>
    <message>
        <source>scheduled pause from the eve of the 2nd and 4th Sunday</source>
        <translation>scheduled pause from the eve of the 2nd and 4th Sunday</translation>
    </message>
    <message>
        <source>New Year pause</source>
        <translation>New Year pause</translation>
    </message>
    <message>
        <source>announced maintenance</source>
        <translation>announced maintenance</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between closure reasons</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>tc::CommandLine</name>
    <message>
        <source>Language of the user interface: ja (default) or en.</source>
        <translation>Language of the user interface: ja (default) or en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Show this help and exit.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Show the version and exit.</translation>
    </message>
    <message>
        <source>Teller Console: explains the codes and messages of API linkage authentication and shows the service status.</source>
        <translation>Teller Console: explains the codes and messages of API linkage authentication and shows the service status.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>Unknown language “%1”: use ja or en.</source>
        <translation>Unknown language “%1”: use ja or en.</translation>
    </message>
</context>
<context>
    <name>tc::ExplainerWidget</name>
    <message>
        <source>&amp;Code or message the customer reads out:</source>
        <translation>&amp;Code or message the customer reads out:</translation>
    </message>
    <message>
        <source>e.g. B84, or “ただ今お取扱いできません”</source>
        <translation>e.g. B84, or “ただ今お取扱いできません”</translation>
    </message>
    <message>
        <source>Type a code such as B84, or the message the customer reads out (partial text, kana and full-width characters work).</source>
        <translation>Type a code such as B84, or the message the customer reads out (partial text, kana and full-width characters work).</translation>
    </message>
    <message>
        <source>No catalog message resembles “%1”. Check the code, or ask the customer to read the message again word for word.</source>
        <translation>No catalog message resembles “%1”. Check the code, or ask the customer to read the message again word for word.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), best first.</source>
        <translation>
            <numerusform>%n match, best first.</numerusform>
            <numerusform>%n matches, best first.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (screen %2)</source>
        <translation>%1 (screen %2)</translation>
    </message>
    <message>
        <source>Message the customer sees</source>
        <translation>Message the customer sees</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>What it means</translation>
    </message>
    <message>
        <source>Usual cause</source>
        <translation>Usual cause</translation>
    </message>
    <message>
        <source>What to tell the customer</source>
        <translation>What to tell the customer</translation>
    </message>
    <message>
        <source>No: this message does not count toward a lock.</source>
        <translation>No: this message does not count toward a lock.</translation>
    </message>
    <message>
        <source>Yes: counts toward the identity lock (customer data, screen ②). After the set number of failures in a day, linkage is locked until 00:00.</source>
        <translation>Yes: counts toward the identity lock (customer data, screen ②). After the set number of failures in a day, linkage is locked until 00:00.</translation>
    </message>
    <message>
        <source>Yes: counts toward the cash card PIN lock (screen ⑤). It locks API linkage authentication only, never ATM or other transactions.</source>
        <translation>Yes: counts toward the cash card PIN lock (screen ⑤). It locks API linkage authentication only, never ATM or other transactions.</translation>
    </message>
    <message>
        <source>Counts toward a lock</source>
        <translation>Counts toward a lock</translation>
    </message>
</context>
<context>
    <name>tc::MainWindow</name>
    <message>
        <source>Explain a code or message</source>
        <translation>Explain a code or message</translation>
    </message>
    <message>
        <source>Service pauses</source>
        <translation>Service pauses</translation>
    </message>
    <message>
        <source>Times when API linkage authentication is closed in the next 30 days (Asia/Tokyo). Customers see “ただ今の時間はサービスを行っておりません。” then.</source>
        <translation>Times when API linkage authentication is closed in the next 30 days (Asia/Tokyo). Customers see “ただ今の時間はサービスを行っておりません。” then.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About Teller Console</source>
        <translation>&amp;About Teller Console</translation>
    </message>
    <message>
        <source>Teller Console %1</source>
        <translation>Teller Console %1</translation>
    </message>
    <message>
        <source>About Teller Console</source>
        <translation>About Teller Console</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Teller Console %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;For branch and phone-support staff of API linkage authentication: explains the codes and messages customers see and shows when the service is closed. Times are Asia/Tokyo.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Teller Console %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;For branch and phone-support staff of API linkage authentication: explains the codes and messages customers see and shows when the service is closed. Times are Asia/Tokyo.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tc::ServiceStatusWidget</name>
    <message>
        <source>Closed — reopens %1 (%2)</source>
        <translation>Closed — reopens %1 (%2)</translation>
    </message>
    <message>
        <source>Open — next pause %1 %2</source>
        <translation>Open — next pause %1 %2</translation>
    </message>
    <message>
        <source>Open — no pause scheduled</source>
        <translation>Open — no pause scheduled</translation>
    </message>
    <message>
        <source>Service open</source>
        <translation>Service open</translation>
    </message>
    <message>
        <source>Outside service hours</source>
        <translation>Outside service hours</translation>
    </message>
    <message>
        <source>Times are Asia/Tokyo. Now: %1</source>
        <translation>Times are Asia/Tokyo. Now: %1</translation>
    </message>
</context>
<context>
    <name>tc::TokyoFormat</name>
    <message>
        <source>ddd M/d</source>
        <comment>QDate::toString format of a short day, e.g. Tue 11/24</comment>
        <translation>ddd M/d</translation>
    </message>
    <message>
        <source>ddd yyyy-MM-dd</source>
        <comment>QDate::toString format of a day with the year, e.g. Mon 2025-11-24</comment>
        <translation>ddd yyyy-MM-dd</translation>
    </message>
</context>
<context>
    <name>tc::UpcomingWindowsModel</name>
    <message>
        <source>%1 (in progress)</source>
        <translation>%1 (in progress)</translation>
    </message>
    <message>
        <source>Start (Tokyo)</source>
        <translation>Start (Tokyo)</translation>
    </message>
    <message>
        <source>End (Tokyo)</source>
        <translation>End (Tokyo)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
</TS>
