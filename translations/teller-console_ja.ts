<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
<context>
    <name>tc::CatalogMatchModel</name>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Customer message</source>
        <translation>お客様の画面の文言</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>一致度</translation>
    </message>
</context>
<context>
    <name>tc::ClosureReason</name>
    <message>
        <source>daily 00:00 pause</source>
        <translation>毎日0時の休止</translation>
    </message>
    <message>
        <source>daily 04:00 pause</source>
        <translation>毎日4時の休止</translation>
    </message>
    <message>
        <source>scheduled pause on the 1st and 3rd Monday</source>
        <translation>第1・第3月曜日の定期休止</translation>
    </message>
    <message>
        <source>scheduled pause from the eve of the 2nd and 4th Sunday</source>
        <translation>第2・第4日曜日前日からの定期休止</translation>
    </message>
    <message>
        <source>New Year pause</source>
        <translation>年始の休止</translation>
    </message>
    <message>
        <source>announced maintenance</source>
        <translation>臨時メンテナンス</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between closure reasons</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>tc::CommandLine</name>
    <message>
        <source>Language of the user interface: ja (default) or en.</source>
        <translation>画面の表示言語: ja(既定)または en。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>このヘルプを表示して終了します。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>バージョンを表示して終了します。</translation>
    </message>
    <message>
        <source>Teller Console: explains the codes and messages of API linkage authentication and shows the service status.</source>
        <translation>窓口コンソール: API連携認証のコード・メッセージを説明し、サービスの提供状況を表示します。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>不明な引数です: %1</translation>
    </message>
    <message>
        <source>Unknown language “%1”: use ja or en.</source>
        <translation>言語「%1」には対応していません。ja または en を指定してください。</translation>
    </message>
</context>
<context>
    <name>tc::ExplainerWidget</name>
    <message>
        <source>&amp;Code or message the customer reads out:</source>
        <translation>コード、またはお客様が読み上げたメッセージ(&amp;C):</translation>
    </message>
    <message>
        <source>e.g. B84, or “ただ今お取扱いできません”</source>
        <translation>例: B84、または「ただ今お取扱いできません」</translation>
    </message>
    <message>
        <source>Type a code such as B84, or the message the customer reads out (partial text, kana and full-width characters work).</source>
        <translation>B84 などのコード、またはお客様が読み上げたメッセージを入力してください(一部だけ、ひらがな、全角文字でも検索できます)。</translation>
    </message>
    <message>
        <source>No catalog message resembles “%1”. Check the code, or ask the customer to read the message again word for word.</source>
        <translation>「%1」に該当するメッセージはありません。コードをご確認いただくか、お客様に画面の文言をもう一度そのままお読みいただいてください。</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), best first.</source>
        <translation>
            <numerusform>%n 件該当(一致度の高い順)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (screen %2)</source>
        <translation>%1(画面%2)</translation>
    </message>
    <message>
        <source>Message the customer sees</source>
        <translation>お客様に表示される文言</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Usual cause</source>
        <translation>主な原因</translation>
    </message>
    <message>
        <source>What to tell the customer</source>
        <translation>お客様への案内</translation>
    </message>
    <message>
        <source>No: this message does not count toward a lock.</source>
        <translation>いいえ: このメッセージはロックの回数に数えません。</translation>
    </message>
    <message>
        <source>Yes: counts toward the identity lock (customer data, screen ②). After the set number of failures in a day, linkage is locked until 00:00.</source>
        <translation>はい: 本人認証ロック(お客様情報、画面②)の回数に数えます。1日に規定回数誤ると、翌日0時まで API連携認証がロックされます。</translation>
    </message>
    <message>
        <source>Yes: counts toward the cash card PIN lock (screen ⑤). It locks API linkage authentication only, never ATM or other transactions.</source>
        <translation>はい: キャッシュカード暗証番号ロック(画面⑤)の回数に数えます。ロックされるのは API連携認証のみで、ATM やその他のお取引には影響しません。</translation>
    </message>
    <message>
        <source>Counts toward a lock</source>
        <translation>ロック回数への計上</translation>
    </message>
</context>
<context>
    <name>tc::MainWindow</name>
    <message>
        <source>Explain a code or message</source>
        <translation>コード・メッセージの説明</translation>
    </message>
    <message>
        <source>Service pauses</source>
        <translation>サービス休止予定</translation>
    </message>
    <message>
        <source>Times when API linkage authentication is closed in the next 30 days (Asia/Tokyo). Customers see “ただ今の時間はサービスを行っておりません。” then.</source>
        <translation>今後30日間に API連携認証がサービス時間外となる時間帯です(日本時間)。この間、お客様には「ただ今の時間はサービスを行っておりません。」と表示されます。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Teller Console</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <source>Teller Console %1</source>
        <translation>窓口コンソール %1</translation>
    </message>
    <message>
        <source>About Teller Console</source>
        <translation>窓口コンソールのバージョン情報</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Teller Console %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;For branch and phone-support staff of API linkage authentication: explains the codes and messages customers see and shows when the service is closed. Times are Asia/Tokyo.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;窓口コンソール %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;API連携認証のお問い合わせをご担当の営業店・電話サポート職員向けのツールです。お客様に表示されるコード・メッセージを説明し、サービス時間外となる時間帯を表示します。時刻はすべて日本時間です。&lt;/p&gt;&lt;p&gt;Qt %2 を使用しています。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tc::ServiceStatusWidget</name>
    <message>
        <source>Closed — reopens %1 (%2)</source>
        <translation>サービス時間外 — %1 再開(%2)</translation>
    </message>
    <message>
        <source>Open — next pause %1 %2</source>
        <translation>受付中 — 次の休止 %1 %2</translation>
    </message>
    <message>
        <source>Open — no pause scheduled</source>
        <translation>受付中 — 休止の予定はありません</translation>
    </message>
    <message>
        <source>Service open</source>
        <translation>サービス提供中</translation>
    </message>
    <message>
        <source>Outside service hours</source>
        <translation>サービス時間外</translation>
    </message>
    <message>
        <source>Times are Asia/Tokyo. Now: %1</source>
        <translation>時刻は日本時間です。現在: %1</translation>
    </message>
</context>
<context>
    <name>tc::TokyoFormat</name>
    <message>
        <source>ddd M/d</source>
        <comment>QDate::toString format of a short day, e.g. Tue 11/24</comment>
        <translation>M/d(ddd)</translation>
    </message>
    <message>
        <source>ddd yyyy-MM-dd</source>
        <comment>QDate::toString format of a day with the year, e.g. Mon 2025-11-24</comment>
        <translation>yyyy/MM/dd(ddd)</translation>
    </message>
</context>
<context>
    <name>tc::UpcomingWindowsModel</name>
    <message>
        <source>%1 (in progress)</source>
        <translation>%1(休止中)</translation>
    </message>
    <message>
        <source>Start (Tokyo)</source>
        <translation>開始(日本時間)</translation>
    </message>
    <message>
        <source>End (Tokyo)</source>
        <translation>終了(日本時間)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間%2分</translation>
    </message>
</context>
</TS>
