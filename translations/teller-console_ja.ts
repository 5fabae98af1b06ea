<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>tc::AppSuspensionDialog</name>
    <message>
        <source>Suspend or resume an app</source>
        <translation>アプリの利用停止・再開</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Why the app is suspended or resumed; required, kept in the audit log</source>
        <translation>アプリを利用停止・再開する理由(必須。監査ログに記録されます)</translation>
    </message>
    <message>
        <source>A reason is required. It is kept in the audit log with your name.</source>
        <translation>理由は必須です。お名前とともに監査ログに記録されます。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Suspend app — Teller Console</source>
        <translation>アプリの利用停止 — 窓口コンソール</translation>
    </message>
    <message>
        <source>Suspend %1 for the whole institution?</source>
        <translation>%1 を全店で利用停止しますか?</translation>
    </message>
    <message>
        <source>Live linkages: %1. They stop at once: the app&apos;s next call to the account API is refused (F04) until a supervisor resumes it.</source>
        <translation>有効な連携: %1件。直ちに停止され、役席者が再開するまで、このアプリからの口座APIの呼び出しはすべて拒否されます(F04)。</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>利用停止(&amp;S)</translation>
    </message>
    <message>
        <source>Resume app — Teller Console</source>
        <translation>アプリの利用再開 — 窓口コンソール</translation>
    </message>
    <message>
        <source>Resume %1 for the whole institution?</source>
        <translation>%1 の利用を全店で再開しますか?</translation>
    </message>
    <message>
        <source>Suspended %1 JST by %2: %3
Its linkages that have neither expired nor been revoked work again at once.</source>
        <translation>%1(日本時間)に %2 が利用停止しました。理由: %3
有効期限内で連携解除されていない連携は、直ちに再び利用できるようになります。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>利用再開(&amp;R)</translation>
    </message>
</context>
<context>
    <name>tc::ApprovalQueueView</name>
    <message>
        <source>Approvals</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Early lock releases waiting for a supervisor&apos;s decision, newest first. A request is approved or rejected by a supervisor other than the one who asked.</source>
        <translation>役席者の判断を待っているロック早期解除の申請です(新しい順)。申請は、申請者以外の役席者が承認または却下します。</translation>
    </message>
    <message>
        <source>Release requests</source>
        <translation>早期解除の申請</translation>
    </message>
    <message>
        <source>Pending early releases: customer, account, lock, who asked, why, and how long it has waited</source>
        <translation>承認待ちの早期解除: お客様、口座、ロック、申請者、理由、待ち時間</translation>
    </message>
    <message>
        <source>&amp;Note or reason:</source>
        <translation>コメント・却下理由(&amp;N):</translation>
    </message>
    <message>
        <source>Note or reason</source>
        <translation>コメント・却下理由</translation>
    </message>
    <message>
        <source>A note for an approval (optional), or the reason for a rejection (required); the requester sees it</source>
        <translation>承認時のコメント(任意)、または却下の理由(必須)。申請者に表示されます</translation>
    </message>
    <message>
        <source>Note when approving (optional) · reason when rejecting (required)</source>
        <translation>承認時はコメント(任意)・却下時は理由(必須)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>承認(&amp;A)</translation>
    </message>
    <message>
        <source>Release the lock now, as requested (Alt+A)</source>
        <translation>申請どおり、今すぐロックを解除します(Alt+A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>却下(&amp;R)</translation>
    </message>
    <message>
        <source>Refuse the release; the lock stays until 00:00 JST (Alt+R, reason required)</source>
        <translation>解除を却下します。ロックは翌日0時(日本時間)まで続きます(Alt+R、理由必須)</translation>
    </message>
    <message>
        <source>%1, %2, %3 lock</source>
        <translation>%1、%2、%3ロック</translation>
    </message>
    <message>
        <source>Select a request in the list first.</source>
        <translation>先に一覧から申請を選択してください。</translation>
    </message>
    <message>
        <source>Type the reason for rejecting in &quot;Note or reason&quot;: the requester reads it.</source>
        <translation>「コメント・却下理由」に却下の理由を入力してください。申請者に表示されます。</translation>
    </message>
    <message>
        <source>Approved: %1 is released; the customer may try again now.</source>
        <translation>承認しました: %1を解除しました。お客様はすぐに再度お手続きいただけます。</translation>
    </message>
    <message>
        <source>Rejected: %1 stays locked until 00:00 JST; %2 sees your reason.</source>
        <translation>却下しました: %1は翌日0時(日本時間)までロックされたままです。理由は %2 に表示されます。</translation>
    </message>
    <message>
        <source>You made this request yourself: another supervisor must approve it.</source>
        <translation>ご自身の申請です。承認は他の役席者が行う必要があります。</translation>
    </message>
    <message>
        <source>You made this request yourself: another supervisor must decide it.</source>
        <translation>ご自身の申請です。承認・却下は他の役席者が行う必要があります。</translation>
    </message>
    <message>
        <source>Another supervisor has already decided this request; it has left the list.</source>
        <translation>この申請は他の役席者が既に処理したため、一覧から外れました。</translation>
    </message>
    <message>
        <source>The lock had already ended (at 00:00 JST or by another release): the request lapsed and nothing was changed.</source>
        <translation>ロックは既に終了していました(0時の自動解除または他の解除による)。申請は失効し、変更はありません。</translation>
    </message>
    <message>
        <source>No request is waiting for a decision.</source>
        <translation>承認待ちの申請はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting</source>
        <translation>
            <numerusform>承認待ち %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>This is your own request: another supervisor must approve or reject it.</source>
        <translation>ご自身の申請です。承認・却下は他の役席者が行います。</translation>
    </message>
</context>
<context>
    <name>tc::AppsModel</name>
    <message>
        <source>Suspended</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Provided by %1</source>
        <translation>提供: %1</translation>
    </message>
    <message>
        <source>Every linkage of this app is refused (F04) until it is resumed.</source>
        <translation>再開するまで、このアプリのすべての連携は拒否されます(F04)。</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Live linkages</source>
        <translation>有効な連携</translation>
    </message>
    <message>
        <source>Suspended (JST)</source>
        <translation>停止日時(日本時間)</translation>
    </message>
    <message>
        <source>Suspended by</source>
        <translation>停止した職員</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>クライアントID</translation>
    </message>
</context>
<context>
    <name>tc::AppsView</name>
    <message>
        <source>Apps</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>The apps linked to your institution&apos;s accounts. Suspending an app stops every linkage of it at once, for every branch; resuming lets them work again.</source>
        <translation>当組合の口座と連携しているアプリです。利用停止すると、全店でそのアプリのすべての連携が直ちに止まります。再開すると再び利用できます。</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>利用停止(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation>利用再開(&amp;R)…</translation>
    </message>
    <message>
        <source>Suspending…</source>
        <translation>利用停止中…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>再開中…</translation>
    </message>
    <message>
        <source>%1 is suspended: the app&apos;s next call to the account API is refused (F04) until a supervisor resumes it.</source>
        <translation>%1 を利用停止しました。役席者が再開するまで、このアプリからの口座APIの呼び出しは拒否されます(F04)。</translation>
    </message>
    <message>
        <source>%1 is resumed: its linkages that have neither expired nor been revoked work again.</source>
        <translation>%1 の利用を再開しました。有効期限内で連携解除されていない連携は再び利用できます。</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 は変更されませんでした: %2</translation>
    </message>
</context>
<context>
    <name>tc::AttemptLabels</name>
    <message>
        <source>① Account</source>
        <translation>① 口座情報</translation>
    </message>
    <message>
        <source>② Customer data</source>
        <translation>② お客様情報</translation>
    </message>
    <message>
        <source>③④ Phone call</source>
        <translation>③④ 電話認証</translation>
    </message>
    <message>
        <source>⑤ Card PIN</source>
        <translation>⑤ 暗証番号</translation>
    </message>
    <message>
        <source>⑥ Consent</source>
        <translation>⑥ 認可</translation>
    </message>
    <message>
        <source>Cancelled by the customer</source>
        <translation>お客様による中止</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>受付不可</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>貯蓄</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>本人認証</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>解除済み</translation>
    </message>
    <message>
        <source>Account moved</source>
        <translation>口座移管</translation>
    </message>
    <message>
        <source>App suspended</source>
        <translation>アプリ停止中</translation>
    </message>
    <message>
        <source>Driver&apos;s license</source>
        <translation>運転免許証</translation>
    </message>
    <message>
        <source>My Number card</source>
        <translation>マイナンバーカード</translation>
    </message>
    <message>
        <source>Health insurance card</source>
        <translation>健康保険証</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>パスポート</translation>
    </message>
    <message>
        <source>Other official document with photo</source>
        <translation>その他の顔写真付き公的書類</translation>
    </message>
    <message>
        <source>At the counter: %1</source>
        <translation>窓口: %1</translation>
    </message>
    <message>
        <source>On the phone: caller check passed</source>
        <translation>電話: 本人照合済み</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>tc::AttemptsModel</name>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Time (JST)</source>
        <translation>日時(日本時間)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
</context>
<context>
    <name>tc::AuditCsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>通番</translation>
    </message>
    <message>
        <source>Action code</source>
        <translation>操作コード</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>サーバーに接続していません</translation>
    </message>
</context>
<context>
    <name>tc::AuditLabels</name>
    <message>
        <source>Signed in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Searched customers</source>
        <translation>お客様の検索</translation>
    </message>
    <message>
        <source>Viewed a customer</source>
        <translation>お客様情報の表示</translation>
    </message>
    <message>
        <source>Viewed a customer&apos;s attempts</source>
        <translation>お客様の認証履歴の表示</translation>
    </message>
    <message>
        <source>Viewed a customer&apos;s linkages</source>
        <translation>お客様の連携状況の表示</translation>
    </message>
    <message>
        <source>Checked a caller&apos;s identity</source>
        <translation>電話の本人照合</translation>
    </message>
    <message>
        <source>Viewed branch activity</source>
        <translation>店舗の認証状況の表示</translation>
    </message>
    <message>
        <source>Cleared a lock early</source>
        <translation>ロックの早期解除</translation>
    </message>
    <message>
        <source>Viewed the approval queue</source>
        <translation>承認待ち一覧の表示</translation>
    </message>
    <message>
        <source>Approved an early release</source>
        <translation>早期解除の承認</translation>
    </message>
    <message>
        <source>Rejected an early release</source>
        <translation>早期解除の却下</translation>
    </message>
    <message>
        <source>Revoked a linkage</source>
        <translation>連携解除</translation>
    </message>
    <message>
        <source>Suspended an app</source>
        <translation>アプリの利用停止</translation>
    </message>
    <message>
        <source>Resumed an app</source>
        <translation>アプリの利用再開</translation>
    </message>
    <message>
        <source>Read the daily report</source>
        <translation>日次報告の閲覧</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>監査ログの閲覧</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>窓口担当</translation>
    </message>
    <message>
        <source>Phone support</source>
        <translation>電話サポート担当</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>役席</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>拒否: %1</translation>
    </message>
    <message>
        <source>checked %1 JST</source>
        <translation>日本時間 %1 に検証</translation>
    </message>
    <message>
        <source>Intact: no rows yet (%1)</source>
        <translation>正常: 記録はまだありません(%1)</translation>
    </message>
    <message>
        <source>Intact up to row %1, no signed checkpoint yet (%2)</source>
        <translation>%1行目まで正常、署名付きチェックポイントはまだありません(%2)</translation>
    </message>
    <message>
        <source>Intact up to row %1; signed checkpoint at row %2 (%3 JST); %4</source>
        <translation>%1行目まで正常、署名付きチェックポイントは%2行目(日本時間 %3)。%4</translation>
    </message>
    <message>
        <source>a row was changed</source>
        <translation>行が変更されています</translation>
    </message>
    <message>
        <source>a row was deleted</source>
        <translation>行が削除されています</translation>
    </message>
    <message>
        <source>rows were reordered</source>
        <translation>行の順序が入れ替えられています</translation>
    </message>
    <message>
        <source>a row was inserted</source>
        <translation>行が挿入されています</translation>
    </message>
    <message>
        <source>a link was changed</source>
        <translation>行の連結が変更されています</translation>
    </message>
    <message>
        <source>the newest rows were cut off</source>
        <translation>最新の行が切り取られています</translation>
    </message>
    <message>
        <source>rows differ from a signed checkpoint</source>
        <translation>署名付きチェックポイントと内容が異なります</translation>
    </message>
    <message>
        <source>a checkpoint&apos;s signature is not valid</source>
        <translation>チェックポイントの署名が無効です</translation>
    </message>
    <message>
        <source>old rows are gone without a signed purge</source>
        <translation>署名付きの削除記録なしに古い行が消えています</translation>
    </message>
    <message>
        <source>intact up to row %1</source>
        <translation>%1行目まで正常</translation>
    </message>
    <message>
        <source>no row verified</source>
        <translation>検証済みの行なし</translation>
    </message>
    <message>
        <source>Broken at row %1: %2; %3 (%4)</source>
        <translation>%1行目で異常: %2。%3(%4)</translation>
    </message>
    <message>
        <source>Broken: %1; %2 (%3)</source>
        <translation>異常: %1。%2(%3)</translation>
    </message>
</context>
<context>
    <name>tc::AuditLogModel</name>
    <message>
        <source>Time (JST)</source>
        <translation>日時(日本時間)</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>接続元アドレス</translation>
    </message>
    <message>
        <source>Newest first, as the server pages the log</source>
        <translation>新しい順(サーバーのページ順)</translation>
    </message>
</context>
<context>
    <name>tc::AuditLogView</name>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Audit chain state</source>
        <translation>監査ログの整合性</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>監査ログの整合性を確認中…</translation>
    </message>
    <message>
        <source>Asks the server for the chain state again (it verifies the whole chain at most every 5 minutes)</source>
        <translation>整合性の状態をサーバーに再度問い合わせます(全体の検証は最短5分おき)</translation>
    </message>
    <message>
        <source>&amp;Refresh the chain state</source>
        <translation>整合性を再確認(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Staff user:</source>
        <translation>職員ユーザー名(&amp;S):</translation>
    </message>
    <message>
        <source>Staff user</source>
        <translation>職員ユーザー名</translation>
    </message>
    <message>
        <source>Only the rows of this staff user name; empty for everyone</source>
        <translation>このユーザー名の職員の記録だけを表示します。空欄なら全職員</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>C&amp;ustomer ID:</source>
        <translation>お客様ID(&amp;U):</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>お客様ID</translation>
    </message>
    <message>
        <source>Only the rows concerning this customer (its id); empty for every customer</source>
        <translation>このお客様(ID)に関する記録だけを表示します。空欄なら全お客様</translation>
    </message>
    <message>
        <source>e.g. 1042</source>
        <translation>例: 1042</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>操作(&amp;C):</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Only the rows of this action, or every action</source>
        <translation>この操作の記録だけ、またはすべての操作を表示します</translation>
    </message>
    <message>
        <source>Only rows from this Tokyo day on</source>
        <translation>この日(日本時間)以降の記録だけを表示します</translation>
    </message>
    <message>
        <source>Fro&amp;m (JST):</source>
        <translation>開始日(&amp;M):</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>The first Tokyo day of the period</source>
        <translation>期間の最初の日(日本時間)</translation>
    </message>
    <message>
        <source>Only rows up to the end of this Tokyo day</source>
        <translation>この日(日本時間)の終わりまでの記録だけを表示します</translation>
    </message>
    <message>
        <source>&amp;To (JST):</source>
        <translation>終了日(&amp;T):</translation>
    </message>
    <message>
        <source>To day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>The last Tokyo day of the period, included</source>
        <translation>期間の最後の日(日本時間、当日を含む)</translation>
    </message>
    <message>
        <source>Lists the rows that match the filters</source>
        <translation>条件に合う記録を一覧表示します</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>表示(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>条件をクリア(&amp;L)</translation>
    </message>
    <message>
        <source>Saves every row that matches the filters, all pages, as a CSV file</source>
        <translation>条件に合うすべての記録(全ページ)を CSV ファイルに保存します</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV 出力(&amp;E)…</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>監査ログの状況</translation>
    </message>
    <message>
        <source>Audit rows</source>
        <translation>監査ログの記録</translation>
    </message>
    <message>
        <source>Newest first, as the server pages the log</source>
        <translation>新しい順(サーバーのページ順)</translation>
    </message>
    <message>
        <source>Unknown: the chain&apos;s state could not be read (%1)</source>
        <translation>不明: 整合性の状態を取得できませんでした(%1)</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n row(s) shown; more match: narrow the filters, or export them all to CSV</source>
        <translation>
            <numerusform>最新の %n 件を表示しています。該当はさらにあります。条件を絞り込むか、CSV ですべて出力してください</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), all shown</source>
        <translation>
            <numerusform>全 %n 件を表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown, newest first; scroll for older rows</source>
        <translation>
            <numerusform>%n 件を新しい順に表示。スクロールすると古い記録を読み込みます</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>監査ログの出力</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>監査ログを出力中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message numerus="yes">
        <source>Exporting the audit log… %n row(s) written</source>
        <translation>
            <numerusform>監査ログを出力中… %n 件書き込み済み</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n 件を %1 に出力しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed, no file written: %1</source>
        <translation>出力に失敗しました。ファイルは作成されていません: %1</translation>
    </message>
    <message>
        <source>Export cancelled, no file written</source>
        <translation>出力を中止しました。ファイルは作成されていません</translation>
    </message>
</context>
<context>
    <name>tc::BranchActivityModel</name>
    <message>
        <source>Time (JST)</source>
        <translation>時刻(日本時間)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
</context>
<context>
    <name>tc::BranchActivityView</name>
    <message>
        <source>Branch activity</source>
        <translation>店舗の認証状況</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>店舗(&amp;B):</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>店舗</translation>
    </message>
    <message>
        <source>The branch whose attempts are listed, or all branches</source>
        <translation>認証履歴を表示する店舗(または全店)</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O):</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Show only attempts with this outcome</source>
        <translation>この結果の認証だけを表示します</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>コード(&amp;C):</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Show only attempts that ended with this catalog code, e.g. B84</source>
        <translation>このコード(例: B84)で終わった認証だけを表示します</translation>
    </message>
    <message>
        <source>e.g. B84</source>
        <translation>例: B84</translation>
    </message>
    <message>
        <source>Attempts of the branch</source>
        <translation>店舗の認証履歴</translation>
    </message>
    <message>
        <source>Newest first, live. Click a header to sort; Enter or double-click opens the customer; Ctrl+C copies the selected rows.</source>
        <translation>新しい順に随時更新されます。見出しのクリックで並べ替え、Enter またはダブルクリックでお客様を開き、Ctrl+C で選択した行をコピーします。</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>受付不可</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Branch %1, today (Asia/Tokyo)</source>
        <translation>店番 %1、本日(日本時間)</translation>
    </message>
    <message>
        <source>Today (Asia/Tokyo)</source>
        <translation>本日(日本時間)</translation>
    </message>
    <message>
        <source>Newest first: a list this long cannot be sorted by column here. Choose an outcome or a code to shorten it.</source>
        <translation>新しい順に表示しています。件数が多いため列での並べ替えはできません。結果またはコードで絞り込んでください。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>tc::CallerCheckPanel</name>
    <message>
        <source>Caller check</source>
        <translation>本人照合</translation>
    </message>
    <message>
        <source>Ask the caller for their name, birth date and registered phone, and the account if they have it at hand. The server answers match or no match for each; it never shows the stored values.</source>
        <translation>お電話の方に、お名前・生年月日・登録電話番号と、お手元にあれば口座番号を伺ってください。サーバーは項目ごとに一致・不一致だけを回答し、登録内容は表示しません。</translation>
    </message>
    <message>
        <source>Customer checked</source>
        <translation>照合するお客様</translation>
    </message>
    <message>
        <source>&amp;Name (kana)</source>
        <translation>氏名(カナ)(&amp;N)</translation>
    </message>
    <message>
        <source>Name in kana</source>
        <translation>カナ氏名</translation>
    </message>
    <message>
        <source>でーた たろう / ﾃﾞｰﾀ ﾀﾛｳ</source>
        <translation>でーた たろう / ﾃﾞｰﾀ ﾀﾛｳ</translation>
    </message>
    <message>
        <source>Name result</source>
        <translation>氏名の照合結果</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>生年月日(&amp;B)</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>1980-04-01</source>
        <translation>1980-04-01</translation>
    </message>
    <message>
        <source>Birth date result</source>
        <translation>生年月日の照合結果</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>電話番号(&amp;P)</translation>
    </message>
    <message>
        <source>Registered phone</source>
        <translation>登録電話番号</translation>
    </message>
    <message>
        <source>078-631-0000</source>
        <translation>078-631-0000</translation>
    </message>
    <message>
        <source>Phone result</source>
        <translation>電話番号の照合結果</translation>
    </message>
    <message>
        <source>&amp;Account (optional)</source>
        <translation>口座(任意)(&amp;A)</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>店番</translation>
    </message>
    <message>
        <source>001</source>
        <translation>001</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>口座番号</translation>
    </message>
    <message>
        <source>1234567</source>
        <translation>1234567</translation>
    </message>
    <message>
        <source>Account result</source>
        <translation>口座の照合結果</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>照合(&amp;C)</translation>
    </message>
    <message>
        <source>Check the caller</source>
        <translation>お電話の方を照合</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>クリア(&amp;L)</translation>
    </message>
    <message>
        <source>Clear the fields</source>
        <translation>入力欄をクリア</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>照合結果</translation>
    </message>
    <message>
        <source>Check validity</source>
        <translation>照合の有効期限</translation>
    </message>
    <message>
        <source>✓ Match</source>
        <translation>✓ 一致</translation>
    </message>
    <message>
        <source>✗ No match</source>
        <translation>✗ 不一致</translation>
    </message>
    <message>
        <source>– Not given</source>
        <translation>– 未入力</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>お客様: %1</translation>
    </message>
    <message>
        <source>No customer open: find the customer first (Ctrl+K).</source>
        <translation>お客様が表示されていません。先にお客様を検索してください(Ctrl+K)。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>照合中…</translation>
    </message>
    <message>
        <source>✓ Passed: the caller&apos;s name, birth date and phone match the customer&apos;s.</source>
        <translation>✓ 照合済み: お電話の方の氏名・生年月日・電話番号はお客様の登録内容と一致しました。</translation>
    </message>
    <message>
        <source>✗ Not passed: what the caller said does not match the customer&apos;s data. Do not clear a lock or revoke on the caller&apos;s word.</source>
        <translation>✗ 不一致: お電話の方のお申し出がお客様の登録内容と一致しません。お申し出だけでロック解除や連携解除を行わないでください。</translation>
    </message>
    <message>
        <source>✗ Refused: too many caller checks in the last hour (%1). Do not clear a lock or revoke on the phone now; ask the customer to come to the branch with an identity document, or try again later.</source>
        <translation>✗ 受付不可: 直近1時間の本人照合の回数が上限を超えました(%1)。今はお電話でロック解除や連携解除を行わず、本人確認書類をお持ちのうえ店舗へお越しいただくか、時間をおいて再度お試しください。</translation>
    </message>
    <message>
        <source>✗ The check was not made: %1</source>
        <translation>✗ 照合できませんでした: %1</translation>
    </message>
    <message>
        <source>Check %1 is valid for %2:%3 more (until %4 JST). Clear lock and Revoke for this customer send it.</source>
        <translation>照合ID %1 の有効期限: あと %2:%3(日本時間 %4 まで)。このお客様のロック解除・連携解除で使用されます。</translation>
    </message>
    <message>
        <source>The passed check has expired (10 minutes): check again before clearing a lock or revoking.</source>
        <translation>照合の有効期限(10分)が切れました。ロック解除・連携解除の前にもう一度照合してください。</translation>
    </message>
    <message>
        <source>Compare what the caller said with the customer&apos;s data</source>
        <translation>お電話の方のお申し出をお客様の登録内容と照合します</translation>
    </message>
    <message>
        <source>Open the customer first (Ctrl+K to search)</source>
        <translation>先にお客様を表示してください(Ctrl+K で検索)</translation>
    </message>
</context>
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
        <source>Match</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>ご質問</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Message or question</source>
        <translation>メッセージ・ご質問</translation>
    </message>
</context>
<context>
    <name>tc::ClearLockDialog</name>
    <message>
        <source>Clear a lock early</source>
        <translation>ロックの早期解除</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>お客様:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>口座:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>ロック:</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Clear the lock or cancel</source>
        <translation>ロック解除またはキャンセル</translation>
    </message>
    <message>
        <source>Clear a lock early — Teller Console</source>
        <translation>ロックの早期解除 — 窓口コンソール</translation>
    </message>
    <message>
        <source>This institution requires a supervisor&apos;s approval: the lock stays on until a supervisor approves the request.</source>
        <translation>当組合では役席者の承認が必要です。役席者が申請を承認するまでロックは解除されません。</translation>
    </message>
    <message>
        <source>The day&apos;s failures start again from zero and the customer may try again at once.</source>
        <translation>本日の失敗回数は0に戻り、お客様はすぐに再度お手続きいただけます。</translation>
    </message>
    <message>
        <source>Request release</source>
        <translation>解除を申請</translation>
    </message>
    <message>
        <source>Clear lock</source>
        <translation>ロック解除</translation>
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
    <message>
        <source>Training: connect to the demo backend of this folder (auth-backend --demo) and sign in as its teller of 本店営業部.</source>
        <translation>研修用: このフォルダーのデモ用サーバー(auth-backend --demo)に接続し、本店営業部の窓口担当者としてサインインします。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>With --demo-dir: take the tour of the desk, save a screenshot of each step in this folder and quit.</source>
        <translation>--demo-dir と併用: 画面を順に案内し、各手順の画面写真をこのフォルダーに保存して終了します。</translation>
    </message>
    <message>
        <source>--tour needs --demo-dir.</source>
        <translation>--tour には --demo-dir の指定が必要です。</translation>
    </message>
    <message>
        <source>With --demo-dir: sign in as this demo staff user of demo-staff.csv (for example gunma.supervisor or himawari.support).</source>
        <translation>--demo-dir と併用: demo-staff.csv にあるこのデモ用職員ユーザーでサインインします(例: gunma.supervisor、himawari.support)。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>--demo-user needs --demo-dir.</source>
        <translation>--demo-user には --demo-dir の指定が必要です。</translation>
    </message>
</context>
<context>
    <name>tc::ConnectionStatusWidget</name>
    <message>
        <source>Connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>再接続中</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Connected to the backend: customer data and live events are current.</source>
        <translation>サーバーに接続しています。お客様情報と認証状況は最新です。</translation>
    </message>
    <message>
        <source>The connection to the backend was lost; trying again. What is shown may be out of date.</source>
        <translation>サーバーとの接続が切れたため、再接続しています。表示内容が古い可能性があります。</translation>
    </message>
    <message>
        <source>Not connected to the backend: only the explainer and the service calendar work.</source>
        <translation>サーバーに接続していません。コード・メッセージの説明とサービス休止予定のみ利用できます。</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>接続: %1</translation>
    </message>
</context>
<context>
    <name>tc::Console</name>
    <message>
        <source>The console cannot connect: %1 The explainer and the service calendar work offline.</source>
        <translation>サーバーに接続できません: %1 コード・メッセージの説明とサービス休止予定はオフラインでも利用できます。</translation>
    </message>
    <message>
        <source>Locked by Ctrl+L or after time without use. Enter your password to go on; the desk stays as you left it.</source>
        <translation>Ctrl+L または一定時間操作がなかったためロックしました。続けるにはパスワードを入力してください。画面はそのまま残ります。</translation>
    </message>
    <message>
        <source>Your session has ended on the server. Enter your password to go on; the screen stays as it is.</source>
        <translation>サーバー側でセッションが終了しました。続けるにはパスワードを入力してください。画面はそのまま残ります。</translation>
    </message>
    <message>
        <source>The console cannot connect: %1 Set the backend in File → Settings. The explainer and the service calendar work offline.</source>
        <translation>サーバーに接続できません: %1 「ファイル → 設定」で接続先を設定してください。コード・メッセージの説明とサービス休止予定はオフラインでも利用できます。</translation>
    </message>
</context>
<context>
    <name>tc::CustomerScriptWidget</name>
    <message>
        <source>What to tell the customer</source>
        <translation>お客様への案内</translation>
    </message>
    <message>
        <source>The selected attempt&apos;s code explained beside this customer&apos;s lock state</source>
        <translation>選択した認証のコードの説明と、このお客様のロック状況</translation>
    </message>
    <message>
        <source>No code (the step went through)</source>
        <translation>コードなし(この画面は通過)</translation>
    </message>
    <message>
        <source>no account of this customer is named by the attempt</source>
        <translation>この認証に該当するお客様の口座がありません</translation>
    </message>
    <message>
        <source>no lock today</source>
        <translation>本日のロックなし</translation>
    </message>
    <message>
        <source>Select an attempt to see what to tell the customer.</source>
        <translation>認証を選択すると、お客様への案内を表示します。</translation>
    </message>
    <message>
        <source>Tell the customer</source>
        <translation>お客様への案内</translation>
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
        <source>The customer saw</source>
        <translation>お客様に表示された文言</translation>
    </message>
    <message>
        <source>The catalog has no entry for %1.</source>
        <translation>コード一覧に %1 は登録されていません。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>the message quoted word for word</comment>
        <translation>「%1」</translation>
    </message>
</context>
<context>
    <name>tc::CustomerSearchModel</name>
    <message>
        <source>This account is closed.</source>
        <translation>この口座は解約済みです。</translation>
    </message>
    <message>
        <source>This account moved to another branch.</source>
        <translation>この口座は他店に移管されました。</translation>
    </message>
    <message>
        <source>No cash card issued: this account cannot be linked to an app.</source>
        <translation>キャッシュカード未発行のため、この口座はアプリと連携できません。</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>氏名(カナ)</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>店舗</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>口座番号</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
</context>
<context>
    <name>tc::CustomerView</name>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>No customer open. Find one with Ctrl+K: the branch and account number (001-1234567), the name in kana or the phone number.</source>
        <translation>お客様が表示されていません。Ctrl+K で検索してください(店番と口座番号 001-1234567、カナ氏名または電話番号)。</translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation>お客様未表示</translation>
    </message>
    <message>
        <source>Customer name (kana)</source>
        <translation>お客様氏名(カナ)</translation>
    </message>
    <message>
        <source>Birth date and phone</source>
        <translation>生年月日と電話番号</translation>
    </message>
    <message>
        <source>Accounts and locks</source>
        <translation>口座とロック状況</translation>
    </message>
    <message>
        <source>Attempts and linkages</source>
        <translation>認証履歴と連携状況</translation>
    </message>
    <message>
        <source>&amp;Attempts</source>
        <translation>認証履歴(&amp;A)</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>認証履歴</translation>
    </message>
    <message>
        <source>Newest first: each flow with its steps ① to ⑥; the failed step shows its code. Selecting one explains it beside; Enter opens the full explanation.</source>
        <translation>新しい順に、認証ごとに画面①〜⑥を表示します。失敗した画面にはコードが表示されます。選択すると横に説明を表示し、Enter で詳しい説明を開きます。</translation>
    </message>
    <message>
        <source>&amp;Linkages</source>
        <translation>連携状況(&amp;L)</translation>
    </message>
    <message>
        <source>Linkages</source>
        <translation>連携状況</translation>
    </message>
    <message>
        <source>The apps linked to the customer&apos;s accounts, with their state</source>
        <translation>お客様の口座と連携しているアプリとその状態</translation>
    </message>
    <message>
        <source>What to tell the customer</source>
        <translation>お客様への案内</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>解約済み</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移管済み</translation>
    </message>
    <message>
        <source>no cash card: cannot link</source>
        <translation>キャッシュカードなし: 連携不可</translation>
    </message>
    <message>
        <source>Linkages: %1 active of %2</source>
        <translation>連携: 有効 %1件(全%2件)</translation>
    </message>
    <message>
        <source>early lock release needs a supervisor&apos;s approval</source>
        <translation>ロックの早期解除には役席者の承認が必要です</translation>
    </message>
    <message>
        <source>Born %1 · Phone %2</source>
        <translation>生年月日 %1 · 電話番号 %2</translation>
    </message>
    <message>
        <source>(partly hidden for your role)</source>
        <translation>(権限により一部非表示)</translation>
    </message>
    <message>
        <source>Lock actions</source>
        <translation>ロックの操作</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>連携解除(&amp;V)…</translation>
    </message>
    <message>
        <source>Revoke the selected linkage</source>
        <translation>選択した連携を解除</translation>
    </message>
    <message>
        <source>Clear lock… (%1, %2)</source>
        <translation>ロック解除…(%1、%2)</translation>
    </message>
    <message>
        <source>Clear the %1 lock of account %2</source>
        <translation>口座 %2 の%1ロックを解除</translation>
    </message>
    <message>
        <source>A request to clear this lock is waiting for a supervisor&apos;s approval.</source>
        <translation>このロックの解除申請は役席者の承認待ちです。</translation>
    </message>
    <message>
        <source>Clear this lock early, with the reason and how the customer&apos;s identity was confirmed.</source>
        <translation>理由と本人確認の方法を記録して、このロックを早期解除します。</translation>
    </message>
    <message>
        <source>Select the linkage to revoke.</source>
        <translation>解除する連携を選択してください。</translation>
    </message>
    <message>
        <source>This linkage has ended already.</source>
        <translation>この連携は既に終了しています。</translation>
    </message>
    <message>
        <source>Revoke the selected linkage: the app&apos;s tokens stop working at once.</source>
        <translation>選択した連携を解除します。アプリのトークンは直ちに無効になります。</translation>
    </message>
    <message>
        <source>Waiting for a supervisor&apos;s approval: early release of the %1 lock (request %2) asked by %3 at %4 JST: %5</source>
        <translation>役席者の承認待ち: %1ロックの早期解除(申請 %2)、%4(日本時間)に %3 が申請: %5</translation>
    </message>
    <message>
        <source>%1 lock released early on %2 JST by %3: %4</source>
        <translation>%1ロックを %2(日本時間)に %3 が早期解除: %4</translation>
    </message>
</context>
<context>
    <name>tc::DemoDirectory</name>
    <message>
        <source>%1 is not a demo folder (no tls/ca.pem).</source>
        <translation>%1 はデモ用フォルダーではありません(tls/ca.pem がありません)。</translation>
    </message>
    <message>
        <source>%1 has no demo-staff.csv.</source>
        <translation>%1 に demo-staff.csv がありません。</translation>
    </message>
    <message>
        <source>demo-staff.csv names no teller of branch 001.</source>
        <translation>demo-staff.csv に店番 001 の窓口担当者がありません。</translation>
    </message>
    <message>
        <source>demo-staff.csv has no user %1.</source>
        <translation>demo-staff.csv にユーザー %1 がありません。</translation>
    </message>
</context>
<context>
    <name>tc::Desk</name>
    <message>
        <source>Keep typing: 001-1234567, a name in kana or a phone number</source>
        <translation>続けて入力してください: 001-1234567、カナ氏名または電話番号</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>該当するお客様はいません</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 件該当</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>(more customers match: type more of the name or number)</source>
        <translation>(該当するお客様がほかにもいます。氏名や番号をさらに入力してください)</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>Caller check</source>
        <translation>本人照合</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Early release approved by %1: the lock of %2 is released; the customer may try again now.</source>
        <translation>%1 が早期解除を承認しました: %2 のロックを解除しました。お客様はすぐに再度お手続きいただけます。</translation>
    </message>
    <message>
        <source>Early release rejected by %1: the lock of %2 stays until 00:00 JST. Reason: %3</source>
        <translation>%1 が早期解除を却下しました: %2 のロックは翌日0時(日本時間)まで続きます。理由: %3</translation>
    </message>
    <message>
        <source>The early release request for %1 lapsed: the lock had ended.</source>
        <translation>%1 の早期解除の申請は失効しました(ロックは既に終了していました)。</translation>
    </message>
    <message>
        <source>%1 lock of %2</source>
        <translation>%2 の%1ロック</translation>
    </message>
    <message>
        <source>%1: clearing it waits for a supervisor&apos;s approval (request %2); the lock stays on until then.</source>
        <translation>%1: 解除は役席者の承認待ちです(申請 %2)。承認されるまでロックは続きます。</translation>
    </message>
    <message>
        <source>%1 cleared at %2 JST: the customer may try again now.</source>
        <translation>%1を %2(日本時間)に解除しました。お客様はすぐに再度お手続きいただけます。</translation>
    </message>
    <message>
        <source>Revoked the linkage of %1 at %2 JST: the app&apos;s tokens no longer work.</source>
        <translation>%1 の連携を %2(日本時間)に解除しました。アプリのトークンは使用できなくなりました。</translation>
    </message>
</context>
<context>
    <name>tc::ExplainerWidget</name>
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
    <message>
        <source>&amp;Code, message or question of the customer:</source>
        <translation>お客様のコード・メッセージ・ご質問(&amp;C):</translation>
    </message>
    <message>
        <source>Code, message or question to explain</source>
        <translation>説明するコード・メッセージ・ご質問</translation>
    </message>
    <message>
        <source>e.g. B84, “ただ今お取扱いできません” or “電話番号が分からない”</source>
        <translation>例: B84、「ただ今お取扱いできません」、「電話番号が分からない」</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>検索状況</translation>
    </message>
    <message>
        <source>Matching codes, messages and questions</source>
        <translation>該当するコード・メッセージ・ご質問</translation>
    </message>
    <message>
        <source>Explanation and words to say</source>
        <translation>説明と案内文</translation>
    </message>
    <message>
        <source>Type a code such as B84, the message the customer reads out, or the customer&apos;s question (partial text, kana and full-width characters work).</source>
        <translation>B84 などのコード、お客様が読み上げたメッセージ、またはお客様のご質問を入力してください(一部だけ、かな、全角文字でも検索できます)。</translation>
    </message>
    <message>
        <source>Nothing in the catalog or the FAQ resembles “%1”. Check the code, ask the customer to read the message again word for word, or try other words for the question.</source>
        <translation>「%1」に該当するコード・よくあるご質問はありません。コードを確認するか、お客様にメッセージをもう一度そのまま読み上げていただくか、別の言葉でご質問を検索してください。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>ご質問</translation>
    </message>
    <message>
        <source>Words to say</source>
        <translation>案内文</translation>
    </message>
    <message>
        <source>Customer&apos;s branch: the branch holding the customer&apos;s account (open the customer to see which).</source>
        <translation>お取引店: お客様の口座がある店舗(お客様を開くと表示されます)。</translation>
    </message>
    <message>
        <source>Customer&apos;s branch: %1</source>
        <translation>お取引店: %1</translation>
    </message>
    <message>
        <source>Support desk: not configured for this institution.</source>
        <translation>問い合わせ窓口: 当組合では設定されていません。</translation>
    </message>
    <message>
        <source>Support desk: %1</source>
        <translation>問い合わせ窓口: %1</translation>
    </message>
    <message>
        <source>Send the customer to</source>
        <translation>お客様のご案内先</translation>
    </message>
    <message>
        <source>Note for staff</source>
        <translation>職員向けの注意</translation>
    </message>
    <message>
        <source>Related codes</source>
        <translation>関連するコード</translation>
    </message>
    <message>
        <source>As %1 answers it</source>
        <translation>%1 での回答</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>出典: %1。</translation>
    </message>
    <message>
        <source>Question worded by us.</source>
        <translation>ご質問の文言は当方で作成。</translation>
    </message>
    <message>
        <source>Answer worded by us.</source>
        <translation>回答の文言は当方で作成。</translation>
    </message>
</context>
<context>
    <name>tc::LinkagesModel</name>
    <message>
        <source>Never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Granted (JST)</source>
        <translation>連携日時(日本時間)</translation>
    </message>
    <message>
        <source>Expires (JST)</source>
        <translation>有効期限(日本時間)</translation>
    </message>
    <message>
        <source>Last used (JST)</source>
        <translation>最終利用(日本時間)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>解除</translation>
    </message>
</context>
<context>
    <name>tc::LockScreen</name>
    <message>
        <source>Console locked</source>
        <translation>コンソールのロック</translation>
    </message>
    <message>
        <source>The console is locked</source>
        <translation>コンソールはロックされています</translation>
    </message>
    <message>
        <source>Why the console is locked</source>
        <translation>ロックされた理由</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>サインイン中のユーザー</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>確認コード(&amp;C):</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>確認コード</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>ロック解除のエラー</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
</context>
<context>
    <name>tc::LockSentence</name>
    <message numerus="yes">
        <source>PIN locked until %1 JST (in %2), %n failure(s) today; new attempts get code %3</source>
        <comment>%1 release time, %2 time left, %3 code</comment>
        <translation>
            <numerusform>暗証番号ロック中: %1まで(日本時間、あと%2)、本日%n回失敗。再試行はコード%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity locked until %1 JST (in %2), %n failure(s) today; new attempts get code %3</source>
        <comment>%1 release time, %2 time left, %3 code</comment>
        <translation>
            <numerusform>本人認証ロック中: %1まで(日本時間、あと%2)、本日%n回失敗。再試行はコード%3</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN lock ended at %1 JST</source>
        <translation>暗証番号ロックは %1(日本時間)に終了</translation>
    </message>
    <message>
        <source>Identity lock ended at %1 JST</source>
        <translation>本人認証ロックは %1(日本時間)に終了</translation>
    </message>
    <message numerus="yes">
        <source>PIN not locked, %n failure(s) today (locks at %1)</source>
        <translation>
            <numerusform>暗証番号ロックなし、本日%n回失敗(%1回でロック)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity not locked, %n failure(s) today (locks at %1)</source>
        <translation>
            <numerusform>本人認証ロックなし、本日%n回失敗(%1回でロック)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PIN lock released early at %1 JST, %n failure(s) since (locks at %2)</source>
        <translation>
            <numerusform>暗証番号ロックは %1(日本時間)に早期解除済み、以降%n回失敗(%2回でロック)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity lock released early at %1 JST, %n failure(s) since (locks at %2)</source>
        <translation>
            <numerusform>本人認証ロックは %1(日本時間)に早期解除済み、以降%n回失敗(%2回でロック)</numerusform>
        </translation>
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
        <source>Work area</source>
        <translation>作業領域</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Branch activity</source>
        <translation>店舗の認証状況</translation>
    </message>
    <message>
        <source>Planned closures of the next 30 days, soonest first</source>
        <translation>今後30日間のサービス休止予定(近い順)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Backend address, pinned certificate, idle lock</source>
        <translation>サーバーのアドレス、CA証明書、自動ロック</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the console now; your password opens it again</source>
        <translation>コンソールを今すぐロックします。パスワードで解除できます</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>End the staff session and forget the saved sign-in</source>
        <translation>職員セッションを終了し、保存したサインイン情報を消去します</translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation>お客様の検索(&amp;F)</translation>
    </message>
    <message>
        <source>Move to the search box</source>
        <translation>検索欄に移動します</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>お客様(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Branch activity</source>
        <translation>店舗の認証状況(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Explain a code or message</source>
        <translation>コード・メッセージの説明(&amp;E)</translation>
    </message>
    <message>
        <source>Service &amp;pauses</source>
        <translation>サービス休止予定(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Load the open customer and the branch activity again</source>
        <translation>表示中のお客様と店舗の認証状況を読み込み直します</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ショートカットキー一覧(&amp;K)</translation>
    </message>
    <message>
        <source>Code or message to explain</source>
        <translation>説明するコード・メッセージ</translation>
    </message>
    <message>
        <source>Matching catalog entries</source>
        <translation>該当するコード一覧の項目</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>サインイン中: %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未サインイン</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>The backend did not answer. Try again in a moment.</source>
        <translation>サーバーから応答がありません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Teller Console %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;For branch and phone-support staff of API linkage authentication: finds the customer, shows their attempts and locks, explains the codes and messages customers see and shows when the service is closed. Times are Asia/Tokyo.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;窓口コンソール %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;API連携認証の窓口・電話サポート担当者向けです。お客様を検索し、認証履歴とロック状況を表示し、お客様に表示されるコード・メッセージを説明し、サービス時間外の時間帯を表示します。時刻は日本時間です。&lt;/p&gt;&lt;p&gt;Qt %2 で構築。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>サインイン(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign in to the backend to find customers</source>
        <translation>サーバーにサインインしてお客様を検索できるようにします</translation>
    </message>
</context>
<context>
    <name>tc::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>このメッセージを閉じます</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>メッセージを閉じる</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>tc::ReleaseRequestsModel</name>
    <message>
        <source>Would release by itself at %1 JST</source>
        <translation>%1(日本時間)に自動解除予定</translation>
    </message>
    <message>
        <source>Requested at %1 JST</source>
        <translation>%1(日本時間)に申請</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n failure(s)</source>
        <translation>
            <numerusform>%1、%n回失敗</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no longer locked)</source>
        <translation>%1(ロック終了済み)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申請者</translation>
    </message>
    <message>
        <source>Identity confirmed</source>
        <translation>本人確認</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待ち時間</translation>
    </message>
</context>
<context>
    <name>tc::RevokeLinkageDialog</name>
    <message>
        <source>Revoke an app linkage</source>
        <translation>アプリ連携の解除</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>お客様:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>App:</source>
        <translation>アプリ:</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>口座:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Granted:</source>
        <translation>連携日時:</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>連携日時</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>有効期限:</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Revoke the linkage or cancel</source>
        <translation>連携解除またはキャンセル</translation>
    </message>
    <message>
        <source>Revoke an app linkage — Teller Console</source>
        <translation>アプリ連携の解除 — 窓口コンソール</translation>
    </message>
    <message>
        <source>%1 JST</source>
        <translation>%1(日本時間)</translation>
    </message>
    <message>
        <source>The app&apos;s tokens stop working at once; to use the app again the customer links it anew from the app.</source>
        <translation>アプリのトークンは直ちに無効になります。再びご利用になるには、お客様がアプリから改めて連携のお手続きをしてください。</translation>
    </message>
    <message>
        <source>Revoke linkage</source>
        <translation>連携解除</translation>
    </message>
</context>
<context>
    <name>tc::RoleGate</name>
    <message>
        <source>Your role may not look up customers.</source>
        <translation>権限がないため、お客様を検索できません。</translation>
    </message>
    <message>
        <source>Tellers see the customers and activity of their own branch only.</source>
        <translation>窓口担当は自店のお客様と認証状況のみ表示できます。</translation>
    </message>
    <message>
        <source>Support staff see birth dates and phone numbers partly hidden.</source>
        <translation>サポート担当には、生年月日と電話番号の一部が伏せて表示されます。</translation>
    </message>
    <message>
        <source>Your role may not clear a lock early.</source>
        <translation>権限がないため、ロックの早期解除はできません。</translation>
    </message>
    <message>
        <source>Your role may not revoke an app linkage.</source>
        <translation>権限がないため、アプリ連携の解除はできません。</translation>
    </message>
    <message>
        <source>Caller checks are for tellers and phone support; a supervisor acts on the reason alone.</source>
        <translation>本人照合は窓口担当と電話サポート担当が行います。役席は理由の記録だけで操作できます。</translation>
    </message>
    <message>
        <source>Only a supervisor may approve or reject an early release.</source>
        <translation>早期解除の承認・却下は役席のみ行えます。</translation>
    </message>
    <message>
        <source>Only a supervisor may suspend or resume an app.</source>
        <translation>アプリの利用停止・再開は役席のみ行えます。</translation>
    </message>
    <message>
        <source>Only a supervisor may read the audit log.</source>
        <translation>監査ログは役席のみ閲覧できます。</translation>
    </message>
    <message>
        <source>Only a supervisor may see the daily report.</source>
        <translation>日次報告は役席のみ閲覧できます。</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>権限がないため、この操作はできません。</translation>
    </message>
</context>
<context>
    <name>tc::SearchWidget</name>
    <message>
        <source>&amp;Find a customer (Ctrl+K):</source>
        <translation>お客様検索(Ctrl+K)(&amp;F):</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>お客様の検索</translation>
    </message>
    <message>
        <source>Branch and account number (001-1234567), name in kana, or phone number. Down moves to the results, Enter opens one, Esc clears.</source>
        <translation>店番と口座番号(001-1234567)、カナ氏名、または電話番号。↓で検索結果に移動、Enter で開く、Esc で消去。</translation>
    </message>
    <message>
        <source>001-1234567, ﾃﾞｰﾀ ﾀﾛｳ or 0786310000</source>
        <translation>001-1234567、ﾃﾞｰﾀ ﾀﾛｳ、0786310000</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>検索状況</translation>
    </message>
    <message>
        <source>Type the branch and account number (001-1234567), the name in kana or the phone number. Down moves to the results, Enter opens the customer, Esc clears.</source>
        <translation>店番と口座番号(001-1234567)、カナ氏名または電話番号を入力してください。↓で検索結果に移動、Enter でお客様を開く、Esc で消去します。</translation>
    </message>
    <message>
        <source>How to search</source>
        <translation>検索のしかた</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Enter or double-click opens the customer</source>
        <translation>Enter またはダブルクリックでお客様を開きます</translation>
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
    <message>
        <source>(calendar, offline)</source>
        <translation>(カレンダー、オフライン)</translation>
    </message>
    <message>
        <source>Not connected: service hours come from the calendar built into the console; announced maintenance may be missing.</source>
        <translation>サーバーに接続していません。サービス時間はコンソール内蔵のカレンダーによるもので、臨時メンテナンスは反映されていない場合があります。</translation>
    </message>
</context>
<context>
    <name>tc::Settings</name>
    <message>
        <source>No backend address is set.</source>
        <translation>サーバーのアドレスが設定されていません。</translation>
    </message>
    <message>
        <source>No CA certificate file is set.</source>
        <translation>CA証明書ファイルが設定されていません。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist.</source>
        <translation>CA証明書ファイル %1 が見つかりません。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>CA証明書ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate (PEM or DER).</source>
        <translation>ファイル %1 に証明書(PEM または DER)がありません。</translation>
    </message>
</context>
<context>
    <name>tc::SettingsDialog</name>
    <message>
        <source>Settings — Teller Console</source>
        <translation>設定 — 窓口コンソール</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Where the backend is and how the console trusts it. IT gives you the address and the CA certificate file.</source>
        <translation>接続先のサーバーと、その証明書を確認する方法です。アドレスと CA証明書ファイルはシステム担当者から受け取ってください。</translation>
    </message>
    <message>
        <source>&amp;Backend address:</source>
        <translation>サーバーのアドレス(&amp;B):</translation>
    </message>
    <message>
        <source>Backend address</source>
        <translation>サーバーのアドレス</translation>
    </message>
    <message>
        <source>&amp;CA certificate file:</source>
        <translation>CA証明書ファイル(&amp;C):</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA証明書ファイル</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>CA証明書ファイルを選択</translation>
    </message>
    <message>
        <source>&amp;Answer within:</source>
        <translation>応答待ち時間(&amp;A):</translation>
    </message>
    <message>
        <source>Seconds the backend has to answer</source>
        <translation>サーバーの応答を待つ秒数</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>自動ロックまで(&amp;L):</translation>
    </message>
    <message>
        <source>Minutes without use before the console locks</source>
        <translation>操作がないままコンソールをロックするまでの分数</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>接続テストの結果</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>設定の問題</translation>
    </message>
    <message>
        <source>Save or cancel</source>
        <translation>保存またはキャンセル</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer *.der);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Not tested: the settings are incomplete.</source>
        <translation>未テスト: 設定が不足しています。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>Something answered, but not an auth-backend in service.</source>
        <translation>応答はありましたが、稼働中の auth-backend ではありません。</translation>
    </message>
    <message>
        <source>Connected: the backend answers and its certificate verifies against the CA file.</source>
        <translation>接続できました: サーバーが応答し、証明書は CA証明書ファイルで確認できました。</translation>
    </message>
</context>
<context>
    <name>tc::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>ショートカットキー一覧</translation>
    </message>
    <message>
        <source>Every command of the menus that has a key. In tables, Ctrl+C copies the selected rows.</source>
        <translation>キーが割り当てられたメニューのコマンドの一覧です。表では Ctrl+C で選択した行をコピーできます。</translation>
    </message>
    <message>
        <source>Menu, command and its keys, one per row</source>
        <translation>メニュー、コマンド、キー(1行に1つ)</translation>
    </message>
    <message>
        <source>Close the shortcuts list</source>
        <translation>ショートカットキー一覧を閉じる</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>tc::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>確認コード(&amp;C):</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>確認コード</translation>
    </message>
    <message>
        <source>The 6-digit code of your authenticator app</source>
        <translation>認証アプリに表示される6桁のコード</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>サインインのエラー</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>接続設定</translation>
    </message>
    <message>
        <source>Sign in or quit</source>
        <translation>サインインまたは終了</translation>
    </message>
    <message>
        <source>Sign in — Teller Console</source>
        <translation>サインイン — 窓口コンソール</translation>
    </message>
    <message>
        <source>Sign in with your staff user name and password.</source>
        <translation>職員のユーザー名とパスワードでサインインしてください。</translation>
    </message>
    <message>
        <source>Console locked — Teller Console</source>
        <translation>ロック中 — 窓口コンソール</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Enter the 6-digit code of your authenticator app.</source>
        <translation>認証アプリに表示される6桁のコードを入力してください。</translation>
    </message>
</context>
<context>
    <name>tc::StaffChangeDialog</name>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
</context>
<context>
    <name>tc::StaffChangeForm</name>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>How was the customer&apos;s identity confirmed? (required)</source>
        <translation>お客様の本人確認の方法(必須)</translation>
    </message>
    <message>
        <source>How the customer&apos;s identity was confirmed</source>
        <translation>お客様の本人確認の方法</translation>
    </message>
    <message>
        <source>&amp;Customer at the counter, identity document seen</source>
        <translation>窓口で本人確認書類を確認(&amp;C)</translation>
    </message>
    <message>
        <source>Customer at the counter with an identity document</source>
        <translation>窓口でお客様の本人確認書類を確認</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>確認書類(&amp;D):</translation>
    </message>
    <message>
        <source>Identity document seen</source>
        <translation>確認した本人確認書類</translation>
    </message>
    <message>
        <source>Caller verified on the &amp;phone (caller check passed)</source>
        <translation>電話で本人照合済み(&amp;P)</translation>
    </message>
    <message>
        <source>Caller verified on the phone with a passed caller check</source>
        <translation>電話で本人照合を行い、一致を確認済み</translation>
    </message>
    <message>
        <source>&amp;Other</source>
        <translation>その他(&amp;O)</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>その他の理由</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由(必須)</translation>
    </message>
    <message>
        <source>Required: what the customer asked for and why</source>
        <translation>必須: お客様のご依頼内容とその理由</translation>
    </message>
    <message>
        <source>What is still missing</source>
        <translation>未入力の項目</translation>
    </message>
    <message>
        <source>Choose the document…</source>
        <translation>書類を選択…</translation>
    </message>
    <message>
        <source>Support staff confirm a caller&apos;s identity with a caller check, not a document.</source>
        <translation>サポート担当は、書類ではなく本人照合でお電話の方の本人確認を行います。</translation>
    </message>
    <message>
        <source>No passed caller check of this customer in the last 10 minutes: run the caller check first (Ctrl+8).</source>
        <translation>直近10分以内にこのお客様の本人照合が済んでいません。先に本人照合を行ってください(Ctrl+8)。</translation>
    </message>
    <message>
        <source>Tellers record the identity document they saw or a passed caller check.</source>
        <translation>窓口担当は、確認した本人確認書類または本人照合の結果を記録します。</translation>
    </message>
    <message>
        <source>Support staff act only after a passed caller check of the customer.</source>
        <translation>サポート担当は、お客様の本人照合が済んでから操作します。</translation>
    </message>
    <message>
        <source>Run a caller check of this customer first (Ctrl+8): support staff act only after a passed check.</source>
        <translation>先にこのお客様の本人照合を行ってください(Ctrl+8)。サポート担当は照合が済んでから操作します。</translation>
    </message>
    <message>
        <source>Choose how the customer&apos;s identity was confirmed.</source>
        <translation>お客様の本人確認の方法を選択してください。</translation>
    </message>
    <message>
        <source>Choose the identity document you saw.</source>
        <translation>確認した本人確認書類を選択してください。</translation>
    </message>
    <message>
        <source>Type the reason.</source>
        <translation>理由を入力してください。</translation>
    </message>
    <message>
        <source>The server needs a reason: type what the customer asked for and why.</source>
        <translation>理由の入力が必要です。お客様のご依頼内容とその理由を入力してください。</translation>
    </message>
    <message>
        <source>A request to clear this lock is already waiting for a supervisor&apos;s approval; nothing new was sent.</source>
        <translation>このロックの解除申請は既に役席者の承認待ちです。新たな申請は送信していません。</translation>
    </message>
    <message>
        <source>This lock is not on any more (a colleague cleared it, or it ended at midnight); nothing was changed.</source>
        <translation>このロックは既に終了しています(他の職員による解除、または0時の自動解除)。変更はありません。</translation>
    </message>
    <message>
        <source>This had been done already (the linkage had ended); nothing was changed.</source>
        <translation>この操作は既に行われていました(連携は終了済み)。変更はありません。</translation>
    </message>
    <message>
        <source>The server asks for a caller check of this customer that you passed in the last 10 minutes: run the caller check (Ctrl+8), then try again.</source>
        <translation>直近10分以内にご自身が行ったこのお客様の本人照合が必要です。本人照合(Ctrl+8)を行ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The server asks how the customer&apos;s identity was confirmed: the document seen at the counter, or a passed caller check.</source>
        <translation>お客様の本人確認の方法が必要です。窓口で確認した書類、または本人照合の結果を選択してください。</translation>
    </message>
</context>
<context>
    <name>tc::TableStateHelper</name>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>選択した行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>選択した行をタブ区切りのテキストでコピーします</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>表示する列</translation>
    </message>
    <message>
        <source>Fit columns to contents</source>
        <translation>列幅を内容に合わせる</translation>
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
    <name>tc::Tour</name>
    <message>
        <source>At the counter; identity checked with the customer&apos;s driver&apos;s license.</source>
        <translation>窓口にて、お客様の運転免許証で本人確認済み。</translation>
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
<context>
    <name>tc::client::ClientError</name>
    <message>
        <source>The backend&apos;s certificate could not be verified against the pinned CA; nothing was sent. Ask IT to check the console&apos;s settings.</source>
        <translation>サーバーの証明書を登録済みの CA証明書で確認できなかったため、何も送信していません。システム担当者にコンソールの設定の確認を依頼してください。</translation>
    </message>
    <message>
        <source>The backend&apos;s certificate could not be verified against the pinned CA (%1); nothing was sent. Ask IT to check the console&apos;s settings.</source>
        <translation>サーバーの証明書を登録済みの CA証明書で確認できなかったため(%1)、何も送信していません。システム担当者にコンソールの設定の確認を依頼してください。</translation>
    </message>
    <message>
        <source>The backend cannot be reached. Check the network; the console keeps trying.</source>
        <translation>サーバーに接続できません。ネットワークを確認してください。接続は自動的に再試行します。</translation>
    </message>
    <message>
        <source>The backend did not answer in time. Try again in a moment.</source>
        <translation>サーバーから時間内に応答がありませんでした。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; the screen stays as it is.</source>
        <translation>セッションが終了しました。もう一度サインインしてください。画面はそのまま残ります。</translation>
    </message>
    <message>
        <source>Your role or branch does not allow this (another branch&apos;s account, or supervisors only); ask the account&apos;s branch or a supervisor.</source>
        <translation>権限または所属店舗の都合でこの操作はできません(他店の口座、または役席のみの操作)。口座のある店舗または役席者にご依頼ください。</translation>
    </message>
    <message>
        <source>The backend&apos;s answer could not be read (a newer or older backend?). Tell IT.</source>
        <translation>サーバーの応答を読み取れませんでした(サーバーのバージョン違いの可能性があります)。システム担当者に連絡してください。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>要求を取り消しました。</translation>
    </message>
    <message>
        <source>The backend refused the request (HTTP %1).</source>
        <translation>サーバーが要求を拒否しました(HTTP %1)。</translation>
    </message>
</context>
<context>
    <name>tc::client::ConnectionSettings</name>
    <message>
        <source>The backend address is not a valid URL.</source>
        <translation>サーバーのアドレスが正しい URL ではありません。</translation>
    </message>
    <message>
        <source>The backend address must start with https://.</source>
        <translation>サーバーのアドレスは https:// で始めてください。</translation>
    </message>
    <message>
        <source>The backend address must not have a path.</source>
        <translation>サーバーのアドレスにパスは指定できません。</translation>
    </message>
    <message>
        <source>No CA certificate is pinned: the backend&apos;s certificate cannot be checked.</source>
        <translation>CA証明書が登録されていないため、サーバーの証明書を確認できません。</translation>
    </message>
    <message>
        <source>The transfer timeout must be positive.</source>
        <translation>通信のタイムアウトには正の値を指定してください。</translation>
    </message>
</context>
<context>
    <name>tc::client::KeychainError</name>
    <message>
        <source>Nothing is kept in the keychain for this user.</source>
        <translation>このユーザーの情報はキーチェーンに保存されていません。</translation>
    </message>
    <message>
        <source>The system keychain is not available: the console cannot remember the sign-in and asks for the password each time.</source>
        <translation>システムのキーチェーンを利用できないため、サインイン情報を保存できません。毎回パスワードを入力してください。</translation>
    </message>
    <message>
        <source>The system keychain refused access: the console cannot remember the sign-in and asks for the password.</source>
        <translation>システムのキーチェーンへのアクセスが拒否されたため、サインイン情報を保存できません。パスワードを入力してください。</translation>
    </message>
    <message>
        <source>The system keychain failed (%1): the console cannot remember the sign-in and asks for the password.</source>
        <translation>システムのキーチェーンでエラーが発生したため(%1)、サインイン情報を保存できません。パスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>tc::client::Session</name>
    <message>
        <source>The remembered sign-in has ended. Sign in with your password.</source>
        <translation>保存されたサインインの有効期限が切れました。パスワードでサインインしてください。</translation>
    </message>
</context>
</TS>
