<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>tc::AppSuspensionDialog</name>
    <message>
        <source>Suspend or resume an app</source>
        <translation>Suspend or resume an app</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why the app is suspended or resumed; required, kept in the audit log</source>
        <translation>Why the app is suspended or resumed; required, kept in the audit log</translation>
    </message>
    <message>
        <source>A reason is required. It is kept in the audit log with your name.</source>
        <translation>A reason is required. It is kept in the audit log with your name.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Suspend app — Teller Console</source>
        <translation>Suspend app — Teller Console</translation>
    </message>
    <message>
        <source>Suspend %1 for the whole institution?</source>
        <translation>Suspend %1 for the whole institution?</translation>
    </message>
    <message>
        <source>Live linkages: %1. They stop at once: the app&apos;s next call to the account API is refused (F04) until a supervisor resumes it.</source>
        <translation>Live linkages: %1. They stop at once: the app&apos;s next call to the account API is refused (F04) until a supervisor resumes it.</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Suspend</translation>
    </message>
    <message>
        <source>Resume app — Teller Console</source>
        <translation>Resume app — Teller Console</translation>
    </message>
    <message>
        <source>Resume %1 for the whole institution?</source>
        <translation>Resume %1 for the whole institution?</translation>
    </message>
    <message>
        <source>Suspended %1 JST by %2: %3
Its linkages that have neither expired nor been revoked work again at once.</source>
        <translation>Suspended %1 JST by %2: %3
Its linkages that have neither expired nor been revoked work again at once.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
</context>
<context>
    <name>tc::ApprovalQueueView</name>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Early lock releases waiting for a supervisor&apos;s decision, newest first. A request is approved or rejected by a supervisor other than the one who asked.</source>
        <translation>Early lock releases waiting for a supervisor&apos;s decision, newest first. A request is approved or rejected by a supervisor other than the one who asked.</translation>
    </message>
    <message>
        <source>Release requests</source>
        <translation>Release requests</translation>
    </message>
    <message>
        <source>Pending early releases: customer, account, lock, who asked, why, and how long it has waited</source>
        <translation>Pending early releases: customer, account, lock, who asked, why, and how long it has waited</translation>
    </message>
    <message>
        <source>&amp;Note or reason:</source>
        <translation>&amp;Note or reason:</translation>
    </message>
    <message>
        <source>Note or reason</source>
        <translation>Note or reason</translation>
    </message>
    <message>
        <source>A note for an approval (optional), or the reason for a rejection (required); the requester sees it</source>
        <translation>A note for an approval (optional), or the reason for a rejection (required); the requester sees it</translation>
    </message>
    <message>
        <source>Note when approving (optional) · reason when rejecting (required)</source>
        <translation>Note when approving (optional) · reason when rejecting (required)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Release the lock now, as requested (Alt+A)</source>
        <translation>Release the lock now, as requested (Alt+A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>Refuse the release; the lock stays until 00:00 JST (Alt+R, reason required)</source>
        <translation>Refuse the release; the lock stays until 00:00 JST (Alt+R, reason required)</translation>
    </message>
    <message>
        <source>%1, %2, %3 lock</source>
        <translation>%1, %2, %3 lock</translation>
    </message>
    <message>
        <source>Select a request in the list first.</source>
        <translation>Select a request in the list first.</translation>
    </message>
    <message>
        <source>Type the reason for rejecting in &quot;Note or reason&quot;: the requester reads it.</source>
        <translation>Type the reason for rejecting in &quot;Note or reason&quot;: the requester reads it.</translation>
    </message>
    <message>
        <source>Approved: %1 is released; the customer may try again now.</source>
        <translation>Approved: %1 is released; the customer may try again now.</translation>
    </message>
    <message>
        <source>Rejected: %1 stays locked until 00:00 JST; %2 sees your reason.</source>
        <translation>Rejected: %1 stays locked until 00:00 JST; %2 sees your reason.</translation>
    </message>
    <message>
        <source>You made this request yourself: another supervisor must approve it.</source>
        <translation>You made this request yourself: another supervisor must approve it.</translation>
    </message>
    <message>
        <source>You made this request yourself: another supervisor must decide it.</source>
        <translation>You made this request yourself: another supervisor must decide it.</translation>
    </message>
    <message>
        <source>Another supervisor has already decided this request; it has left the list.</source>
        <translation>Another supervisor has already decided this request; it has left the list.</translation>
    </message>
    <message>
        <source>The lock had already ended (at 00:00 JST or by another release): the request lapsed and nothing was changed.</source>
        <translation>The lock had already ended (at 00:00 JST or by another release): the request lapsed and nothing was changed.</translation>
    </message>
    <message>
        <source>No request is waiting for a decision.</source>
        <translation>No request is waiting for a decision.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting</source>
        <translation>
            <numerusform>%n request waiting</numerusform>
            <numerusform>%n requests waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>This is your own request: another supervisor must approve or reject it.</source>
        <translation>This is your own request: another supervisor must approve or reject it.</translation>
    </message>
</context>
<context>
    <name>tc::AppsModel</name>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Provided by %1</source>
        <translation>Provided by %1</translation>
    </message>
    <message>
        <source>Every linkage of this app is refused (F04) until it is resumed.</source>
        <translation>Every linkage of this app is refused (F04) until it is resumed.</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Live linkages</source>
        <translation>Live linkages</translation>
    </message>
    <message>
        <source>Suspended (JST)</source>
        <translation>Suspended (JST)</translation>
    </message>
    <message>
        <source>Suspended by</source>
        <translation>Suspended by</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
</context>
<context>
    <name>tc::AppsView</name>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>The apps linked to your institution&apos;s accounts. Suspending an app stops every linkage of it at once, for every branch; resuming lets them work again.</source>
        <translation>The apps linked to your institution&apos;s accounts. Suspending an app stops every linkage of it at once, for every branch; resuming lets them work again.</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>&amp;Suspend…</translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation>&amp;Resume…</translation>
    </message>
    <message>
        <source>Suspending…</source>
        <translation>Suspending…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Resuming…</translation>
    </message>
    <message>
        <source>%1 is suspended: the app&apos;s next call to the account API is refused (F04) until a supervisor resumes it.</source>
        <translation>%1 is suspended: the app&apos;s next call to the account API is refused (F04) until a supervisor resumes it.</translation>
    </message>
    <message>
        <source>%1 is resumed: its linkages that have neither expired nor been revoked work again.</source>
        <translation>%1 is resumed: its linkages that have neither expired nor been revoked work again.</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 was not changed: %2</translation>
    </message>
</context>
<context>
    <name>tc::AttemptLabels</name>
    <message>
        <source>① Account</source>
        <translation>① Account</translation>
    </message>
    <message>
        <source>② Customer data</source>
        <translation>② Customer data</translation>
    </message>
    <message>
        <source>③④ Phone call</source>
        <translation>③④ Phone call</translation>
    </message>
    <message>
        <source>⑤ Card PIN</source>
        <translation>⑤ Card PIN</translation>
    </message>
    <message>
        <source>⑥ Consent</source>
        <translation>⑥ Consent</translation>
    </message>
    <message>
        <source>Cancelled by the customer</source>
        <translation>Cancelled by the customer</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Success</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Account moved</source>
        <translation>Account moved</translation>
    </message>
    <message>
        <source>App suspended</source>
        <translation>App suspended</translation>
    </message>
    <message>
        <source>Driver&apos;s license</source>
        <translation>Driver&apos;s license</translation>
    </message>
    <message>
        <source>My Number card</source>
        <translation>My Number card</translation>
    </message>
    <message>
        <source>Health insurance card</source>
        <translation>Health insurance card</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Other official document with photo</source>
        <translation>Other official document with photo</translation>
    </message>
    <message>
        <source>At the counter: %1</source>
        <translation>At the counter: %1</translation>
    </message>
    <message>
        <source>On the phone: caller check passed</source>
        <translation>On the phone: caller check passed</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>tc::AttemptsModel</name>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>Time (JST)</source>
        <translation>Time (JST)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
</context>
<context>
    <name>tc::AuditCsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Action code</source>
        <translation>Action code</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
</context>
<context>
    <name>tc::AuditLabels</name>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Searched customers</source>
        <translation>Searched customers</translation>
    </message>
    <message>
        <source>Viewed a customer</source>
        <translation>Viewed a customer</translation>
    </message>
    <message>
        <source>Viewed a customer&apos;s attempts</source>
        <translation>Viewed a customer&apos;s attempts</translation>
    </message>
    <message>
        <source>Viewed a customer&apos;s linkages</source>
        <translation>Viewed a customer&apos;s linkages</translation>
    </message>
    <message>
        <source>Checked a caller&apos;s identity</source>
        <translation>Checked a caller&apos;s identity</translation>
    </message>
    <message>
        <source>Viewed branch activity</source>
        <translation>Viewed branch activity</translation>
    </message>
    <message>
        <source>Cleared a lock early</source>
        <translation>Cleared a lock early</translation>
    </message>
    <message>
        <source>Viewed the approval queue</source>
        <translation>Viewed the approval queue</translation>
    </message>
    <message>
        <source>Approved an early release</source>
        <translation>Approved an early release</translation>
    </message>
    <message>
        <source>Rejected an early release</source>
        <translation>Rejected an early release</translation>
    </message>
    <message>
        <source>Revoked a linkage</source>
        <translation>Revoked a linkage</translation>
    </message>
    <message>
        <source>Suspended an app</source>
        <translation>Suspended an app</translation>
    </message>
    <message>
        <source>Resumed an app</source>
        <translation>Resumed an app</translation>
    </message>
    <message>
        <source>Read the daily report</source>
        <translation>Read the daily report</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>Read the audit log</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Teller</translation>
    </message>
    <message>
        <source>Phone support</source>
        <translation>Phone support</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>checked %1 JST</source>
        <translation>checked %1 JST</translation>
    </message>
    <message>
        <source>Intact: no rows yet (%1)</source>
        <translation>Intact: no rows yet (%1)</translation>
    </message>
    <message>
        <source>Intact up to row %1, no signed checkpoint yet (%2)</source>
        <translation>Intact up to row %1, no signed checkpoint yet (%2)</translation>
    </message>
    <message>
        <source>Intact up to row %1; signed checkpoint at row %2 (%3 JST); %4</source>
        <translation>Intact up to row %1; signed checkpoint at row %2 (%3 JST); %4</translation>
    </message>
    <message>
        <source>a row was changed</source>
        <translation>a row was changed</translation>
    </message>
    <message>
        <source>a row was deleted</source>
        <translation>a row was deleted</translation>
    </message>
    <message>
        <source>rows were reordered</source>
        <translation>rows were reordered</translation>
    </message>
    <message>
        <source>a row was inserted</source>
        <translation>a row was inserted</translation>
    </message>
    <message>
        <source>a link was changed</source>
        <translation>a link was changed</translation>
    </message>
    <message>
        <source>the newest rows were cut off</source>
        <translation>the newest rows were cut off</translation>
    </message>
    <message>
        <source>rows differ from a signed checkpoint</source>
        <translation>rows differ from a signed checkpoint</translation>
    </message>
    <message>
        <source>a checkpoint&apos;s signature is not valid</source>
        <translation>a checkpoint&apos;s signature is not valid</translation>
    </message>
    <message>
        <source>old rows are gone without a signed purge</source>
        <translation>old rows are gone without a signed purge</translation>
    </message>
    <message>
        <source>intact up to row %1</source>
        <translation>intact up to row %1</translation>
    </message>
    <message>
        <source>no row verified</source>
        <translation>no row verified</translation>
    </message>
    <message>
        <source>Broken at row %1: %2; %3 (%4)</source>
        <translation>Broken at row %1: %2; %3 (%4)</translation>
    </message>
    <message>
        <source>Broken: %1; %2 (%3)</source>
        <translation>Broken: %1; %2 (%3)</translation>
    </message>
</context>
<context>
    <name>tc::AuditLogModel</name>
    <message>
        <source>Time (JST)</source>
        <translation>Time (JST)</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>Source address</translation>
    </message>
    <message>
        <source>Newest first, as the server pages the log</source>
        <translation>Newest first, as the server pages the log</translation>
    </message>
</context>
<context>
    <name>tc::AuditLogView</name>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Audit chain state</source>
        <translation>Audit chain state</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Checking the audit chain…</translation>
    </message>
    <message>
        <source>Asks the server for the chain state again (it verifies the whole chain at most every 5 minutes)</source>
        <translation>Asks the server for the chain state again (it verifies the whole chain at most every 5 minutes)</translation>
    </message>
    <message>
        <source>&amp;Refresh the chain state</source>
        <translation>&amp;Refresh the chain state</translation>
    </message>
    <message>
        <source>&amp;Staff user:</source>
        <translation>&amp;Staff user:</translation>
    </message>
    <message>
        <source>Staff user</source>
        <translation>Staff user</translation>
    </message>
    <message>
        <source>Only the rows of this staff user name; empty for everyone</source>
        <translation>Only the rows of this staff user name; empty for everyone</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>C&amp;ustomer ID:</source>
        <translation>C&amp;ustomer ID:</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>Only the rows concerning this customer (its id); empty for every customer</source>
        <translation>Only the rows concerning this customer (its id); empty for every customer</translation>
    </message>
    <message>
        <source>e.g. 1042</source>
        <translation>e.g. 1042</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>A&amp;ction:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Only the rows of this action, or every action</source>
        <translation>Only the rows of this action, or every action</translation>
    </message>
    <message>
        <source>Only rows from this Tokyo day on</source>
        <translation>Only rows from this Tokyo day on</translation>
    </message>
    <message>
        <source>Fro&amp;m (JST):</source>
        <translation>Fro&amp;m (JST):</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>From day</translation>
    </message>
    <message>
        <source>The first Tokyo day of the period</source>
        <translation>The first Tokyo day of the period</translation>
    </message>
    <message>
        <source>Only rows up to the end of this Tokyo day</source>
        <translation>Only rows up to the end of this Tokyo day</translation>
    </message>
    <message>
        <source>&amp;To (JST):</source>
        <translation>&amp;To (JST):</translation>
    </message>
    <message>
        <source>To day</source>
        <translation>To day</translation>
    </message>
    <message>
        <source>The last Tokyo day of the period, included</source>
        <translation>The last Tokyo day of the period, included</translation>
    </message>
    <message>
        <source>Lists the rows that match the filters</source>
        <translation>Lists the rows that match the filters</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>C&amp;lear filters</translation>
    </message>
    <message>
        <source>Saves every row that matches the filters, all pages, as a CSV file</source>
        <translation>Saves every row that matches the filters, all pages, as a CSV file</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>Audit log status</translation>
    </message>
    <message>
        <source>Audit rows</source>
        <translation>Audit rows</translation>
    </message>
    <message>
        <source>Newest first, as the server pages the log</source>
        <translation>Newest first, as the server pages the log</translation>
    </message>
    <message>
        <source>Unknown: the chain&apos;s state could not be read (%1)</source>
        <translation>Unknown: the chain&apos;s state could not be read (%1)</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Every action</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>Intact</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Broken</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n row(s) shown; more match: narrow the filters, or export them all to CSV</source>
        <translation>
            <numerusform>The newest %n row shown; more match: narrow the filters, or export them all to CSV</numerusform>
            <numerusform>The newest %n rows shown; more match: narrow the filters, or export them all to CSV</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), all shown</source>
        <translation>
            <numerusform>%n row, all shown</numerusform>
            <numerusform>%n rows, all shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown, newest first; scroll for older rows</source>
        <translation>
            <numerusform>%n row shown, newest first; scroll for older rows</numerusform>
            <numerusform>%n rows shown, newest first; scroll for older rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>Exporting the audit log… %n row(s) written</source>
        <translation>
            <numerusform>Exporting the audit log… %n row written</numerusform>
            <numerusform>Exporting the audit log… %n rows written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n row exported to %1</numerusform>
            <numerusform>%n rows exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed, no file written: %1</source>
        <translation>Export failed, no file written: %1</translation>
    </message>
    <message>
        <source>Export cancelled, no file written</source>
        <translation>Export cancelled, no file written</translation>
    </message>
</context>
<context>
    <name>tc::BranchActivityModel</name>
    <message>
        <source>Time (JST)</source>
        <translation>Time (JST)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>tc::BranchActivityView</name>
    <message>
        <source>Branch activity</source>
        <translation>Branch activity</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Branch:</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>The branch whose attempts are listed, or all branches</source>
        <translation>The branch whose attempts are listed, or all branches</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Show only attempts with this outcome</source>
        <translation>Show only attempts with this outcome</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Show only attempts that ended with this catalog code, e.g. B84</source>
        <translation>Show only attempts that ended with this catalog code, e.g. B84</translation>
    </message>
    <message>
        <source>e.g. B84</source>
        <translation>e.g. B84</translation>
    </message>
    <message>
        <source>Attempts of the branch</source>
        <translation>Attempts of the branch</translation>
    </message>
    <message>
        <source>Newest first, live. Click a header to sort; Enter or double-click opens the customer; Ctrl+C copies the selected rows.</source>
        <translation>Newest first, live. Click a header to sort; Enter or double-click opens the customer; Ctrl+C copies the selected rows.</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Success</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>All branches</translation>
    </message>
    <message>
        <source>Branch %1, today (Asia/Tokyo)</source>
        <translation>Branch %1, today (Asia/Tokyo)</translation>
    </message>
    <message>
        <source>Today (Asia/Tokyo)</source>
        <translation>Today (Asia/Tokyo)</translation>
    </message>
    <message>
        <source>Newest first: a list this long cannot be sorted by column here. Choose an outcome or a code to shorten it.</source>
        <translation>Newest first: a list this long cannot be sorted by column here. Choose an outcome or a code to shorten it.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>tc::CallerCheckPanel</name>
    <message>
        <source>Caller check</source>
        <translation>Caller check</translation>
    </message>
    <message>
        <source>Ask the caller for their name, birth date and registered phone, and the account if they have it at hand. The server answers match or no match for each; it never shows the stored values.</source>
        <translation>Ask the caller for their name, birth date and registered phone, and the account if they have it at hand. The server answers match or no match for each; it never shows the stored values.</translation>
    </message>
    <message>
        <source>Customer checked</source>
        <translation>Customer checked</translation>
    </message>
    <message>
        <source>&amp;Name (kana)</source>
        <translation>&amp;Name (kana)</translation>
    </message>
    <message>
        <source>Name in kana</source>
        <translation>Name in kana</translation>
    </message>
    <message>
        <source>でーた たろう / ﾃﾞｰﾀ ﾀﾛｳ</source>
        <translation>でーた たろう / ﾃﾞｰﾀ ﾀﾛｳ</translation>
    </message>
    <message>
        <source>Name result</source>
        <translation>Name result</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Birth date</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>1980-04-01</source>
        <translation>1980-04-01</translation>
    </message>
    <message>
        <source>Birth date result</source>
        <translation>Birth date result</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>Registered phone</source>
        <translation>Registered phone</translation>
    </message>
    <message>
        <source>078-631-0000</source>
        <translation>078-631-0000</translation>
    </message>
    <message>
        <source>Phone result</source>
        <translation>Phone result</translation>
    </message>
    <message>
        <source>&amp;Account (optional)</source>
        <translation>&amp;Account (optional)</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>Branch code</translation>
    </message>
    <message>
        <source>001</source>
        <translation>001</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>1234567</source>
        <translation>1234567</translation>
    </message>
    <message>
        <source>Account result</source>
        <translation>Account result</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>Check the caller</source>
        <translation>Check the caller</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <source>Clear the fields</source>
        <translation>Clear the fields</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>Check validity</source>
        <translation>Check validity</translation>
    </message>
    <message>
        <source>✓ Match</source>
        <translation>✓ Match</translation>
    </message>
    <message>
        <source>✗ No match</source>
        <translation>✗ No match</translation>
    </message>
    <message>
        <source>– Not given</source>
        <translation>– Not given</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>No customer open: find the customer first (Ctrl+K).</source>
        <translation>No customer open: find the customer first (Ctrl+K).</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>✓ Passed: the caller&apos;s name, birth date and phone match the customer&apos;s.</source>
        <translation>✓ Passed: the caller&apos;s name, birth date and phone match the customer&apos;s.</translation>
    </message>
    <message>
        <source>✗ Not passed: what the caller said does not match the customer&apos;s data. Do not clear a lock or revoke on the caller&apos;s word.</source>
        <translation>✗ Not passed: what the caller said does not match the customer&apos;s data. Do not clear a lock or revoke on the caller&apos;s word.</translation>
    </message>
    <message>
        <source>✗ Refused: too many caller checks in the last hour (%1). Do not clear a lock or revoke on the phone now; ask the customer to come to the branch with an identity document, or try again later.</source>
        <translation>✗ Refused: too many caller checks in the last hour (%1). Do not clear a lock or revoke on the phone now; ask the customer to come to the branch with an identity document, or try again later.</translation>
    </message>
    <message>
        <source>✗ The check was not made: %1</source>
        <translation>✗ The check was not made: %1</translation>
    </message>
    <message>
        <source>Check %1 is valid for %2:%3 more (until %4 JST). Clear lock and Revoke for this customer send it.</source>
        <translation>Check %1 is valid for %2:%3 more (until %4 JST). Clear lock and Revoke for this customer send it.</translation>
    </message>
    <message>
        <source>The passed check has expired (10 minutes): check again before clearing a lock or revoking.</source>
        <translation>The passed check has expired (10 minutes): check again before clearing a lock or revoking.</translation>
    </message>
    <message>
        <source>Compare what the caller said with the customer&apos;s data</source>
        <translation>Compare what the caller said with the customer&apos;s data</translation>
    </message>
    <message>
        <source>Open the customer first (Ctrl+K to search)</source>
        <translation>Open the customer first (Ctrl+K to search)</translation>
    </message>
</context>
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
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Message or question</source>
        <translation>Message or question</translation>
    </message>
</context>
<context>
    <name>tc::ClearLockDialog</name>
    <message>
        <source>Clear a lock early</source>
        <translation>Clear a lock early</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>Lock:</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Clear the lock or cancel</source>
        <translation>Clear the lock or cancel</translation>
    </message>
    <message>
        <source>Clear a lock early — Teller Console</source>
        <translation>Clear a lock early — Teller Console</translation>
    </message>
    <message>
        <source>This institution requires a supervisor&apos;s approval: the lock stays on until a supervisor approves the request.</source>
        <translation>This institution requires a supervisor&apos;s approval: the lock stays on until a supervisor approves the request.</translation>
    </message>
    <message>
        <source>The day&apos;s failures start again from zero and the customer may try again at once.</source>
        <translation>The day&apos;s failures start again from zero and the customer may try again at once.</translation>
    </message>
    <message>
        <source>Request release</source>
        <translation>Request release</translation>
    </message>
    <message>
        <source>Clear lock</source>
        <translation>Clear lock</translation>
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
    <message>
        <source>Training: connect to the demo backend of this folder (auth-backend --demo) and sign in as its teller of 本店営業部.</source>
        <translation>Training: connect to the demo backend of this folder (auth-backend --demo) and sign in as its teller of 本店営業部.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>With --demo-dir: take the tour of the desk, save a screenshot of each step in this folder and quit.</source>
        <translation>With --demo-dir: take the tour of the desk, save a screenshot of each step in this folder and quit.</translation>
    </message>
    <message>
        <source>--tour needs --demo-dir.</source>
        <translation>--tour needs --demo-dir.</translation>
    </message>
    <message>
        <source>With --demo-dir: sign in as this demo staff user of demo-staff.csv (for example gunma.supervisor or himawari.support).</source>
        <translation>With --demo-dir: sign in as this demo staff user of demo-staff.csv (for example gunma.supervisor or himawari.support).</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>--demo-user needs --demo-dir.</source>
        <translation>--demo-user needs --demo-dir.</translation>
    </message>
</context>
<context>
    <name>tc::ConnectionStatusWidget</name>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnecting</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connected to the backend: customer data and live events are current.</source>
        <translation>Connected to the backend: customer data and live events are current.</translation>
    </message>
    <message>
        <source>The connection to the backend was lost; trying again. What is shown may be out of date.</source>
        <translation>The connection to the backend was lost; trying again. What is shown may be out of date.</translation>
    </message>
    <message>
        <source>Not connected to the backend: only the explainer and the service calendar work.</source>
        <translation>Not connected to the backend: only the explainer and the service calendar work.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connection: %1</translation>
    </message>
</context>
<context>
    <name>tc::Console</name>
    <message>
        <source>The console cannot connect: %1 The explainer and the service calendar work offline.</source>
        <translation>The console cannot connect: %1 The explainer and the service calendar work offline.</translation>
    </message>
    <message>
        <source>Locked by Ctrl+L or after time without use. Enter your password to go on; the desk stays as you left it.</source>
        <translation>Locked by Ctrl+L or after time without use. Enter your password to go on; the desk stays as you left it.</translation>
    </message>
    <message>
        <source>Your session has ended on the server. Enter your password to go on; the screen stays as it is.</source>
        <translation>Your session has ended on the server. Enter your password to go on; the screen stays as it is.</translation>
    </message>
    <message>
        <source>The console cannot connect: %1 Set the backend in File → Settings. The explainer and the service calendar work offline.</source>
        <translation>The console cannot connect: %1 Set the backend in File → Settings. The explainer and the service calendar work offline.</translation>
    </message>
</context>
<context>
    <name>tc::CustomerScriptWidget</name>
    <message>
        <source>What to tell the customer</source>
        <translation>What to tell the customer</translation>
    </message>
    <message>
        <source>The selected attempt&apos;s code explained beside this customer&apos;s lock state</source>
        <translation>The selected attempt&apos;s code explained beside this customer&apos;s lock state</translation>
    </message>
    <message>
        <source>No code (the step went through)</source>
        <translation>No code (the step went through)</translation>
    </message>
    <message>
        <source>no account of this customer is named by the attempt</source>
        <translation>no account of this customer is named by the attempt</translation>
    </message>
    <message>
        <source>no lock today</source>
        <translation>no lock today</translation>
    </message>
    <message>
        <source>Select an attempt to see what to tell the customer.</source>
        <translation>Select an attempt to see what to tell the customer.</translation>
    </message>
    <message>
        <source>Tell the customer</source>
        <translation>Tell the customer</translation>
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
        <source>The customer saw</source>
        <translation>The customer saw</translation>
    </message>
    <message>
        <source>The catalog has no entry for %1.</source>
        <translation>The catalog has no entry for %1.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>the message quoted word for word</comment>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>tc::CustomerSearchModel</name>
    <message>
        <source>This account is closed.</source>
        <translation>This account is closed.</translation>
    </message>
    <message>
        <source>This account moved to another branch.</source>
        <translation>This account moved to another branch.</translation>
    </message>
    <message>
        <source>No cash card issued: this account cannot be linked to an app.</source>
        <translation>No cash card issued: this account cannot be linked to an app.</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>Name (kana)</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>tc::CustomerView</name>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>No customer open. Find one with Ctrl+K: the branch and account number (001-1234567), the name in kana or the phone number.</source>
        <translation>No customer open. Find one with Ctrl+K: the branch and account number (001-1234567), the name in kana or the phone number.</translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation>No customer open</translation>
    </message>
    <message>
        <source>Customer name (kana)</source>
        <translation>Customer name (kana)</translation>
    </message>
    <message>
        <source>Birth date and phone</source>
        <translation>Birth date and phone</translation>
    </message>
    <message>
        <source>Accounts and locks</source>
        <translation>Accounts and locks</translation>
    </message>
    <message>
        <source>Attempts and linkages</source>
        <translation>Attempts and linkages</translation>
    </message>
    <message>
        <source>&amp;Attempts</source>
        <translation>&amp;Attempts</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Newest first: each flow with its steps ① to ⑥; the failed step shows its code. Selecting one explains it beside; Enter opens the full explanation.</source>
        <translation>Newest first: each flow with its steps ① to ⑥; the failed step shows its code. Selecting one explains it beside; Enter opens the full explanation.</translation>
    </message>
    <message>
        <source>&amp;Linkages</source>
        <translation>&amp;Linkages</translation>
    </message>
    <message>
        <source>Linkages</source>
        <translation>Linkages</translation>
    </message>
    <message>
        <source>The apps linked to the customer&apos;s accounts, with their state</source>
        <translation>The apps linked to the customer&apos;s accounts, with their state</translation>
    </message>
    <message>
        <source>What to tell the customer</source>
        <translation>What to tell the customer</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>moved</translation>
    </message>
    <message>
        <source>no cash card: cannot link</source>
        <translation>no cash card: cannot link</translation>
    </message>
    <message>
        <source>Linkages: %1 active of %2</source>
        <translation>Linkages: %1 active of %2</translation>
    </message>
    <message>
        <source>early lock release needs a supervisor&apos;s approval</source>
        <translation>early lock release needs a supervisor&apos;s approval</translation>
    </message>
    <message>
        <source>Born %1 · Phone %2</source>
        <translation>Born %1 · Phone %2</translation>
    </message>
    <message>
        <source>(partly hidden for your role)</source>
        <translation>(partly hidden for your role)</translation>
    </message>
    <message>
        <source>Lock actions</source>
        <translation>Lock actions</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;voke…</translation>
    </message>
    <message>
        <source>Revoke the selected linkage</source>
        <translation>Revoke the selected linkage</translation>
    </message>
    <message>
        <source>Clear lock… (%1, %2)</source>
        <translation>Clear lock… (%1, %2)</translation>
    </message>
    <message>
        <source>Clear the %1 lock of account %2</source>
        <translation>Clear the %1 lock of account %2</translation>
    </message>
    <message>
        <source>A request to clear this lock is waiting for a supervisor&apos;s approval.</source>
        <translation>A request to clear this lock is waiting for a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Clear this lock early, with the reason and how the customer&apos;s identity was confirmed.</source>
        <translation>Clear this lock early, with the reason and how the customer&apos;s identity was confirmed.</translation>
    </message>
    <message>
        <source>Select the linkage to revoke.</source>
        <translation>Select the linkage to revoke.</translation>
    </message>
    <message>
        <source>This linkage has ended already.</source>
        <translation>This linkage has ended already.</translation>
    </message>
    <message>
        <source>Revoke the selected linkage: the app&apos;s tokens stop working at once.</source>
        <translation>Revoke the selected linkage: the app&apos;s tokens stop working at once.</translation>
    </message>
    <message>
        <source>Waiting for a supervisor&apos;s approval: early release of the %1 lock (request %2) asked by %3 at %4 JST: %5</source>
        <translation>Waiting for a supervisor&apos;s approval: early release of the %1 lock (request %2) asked by %3 at %4 JST: %5</translation>
    </message>
    <message>
        <source>%1 lock released early on %2 JST by %3: %4</source>
        <translation>%1 lock released early on %2 JST by %3: %4</translation>
    </message>
</context>
<context>
    <name>tc::DemoDirectory</name>
    <message>
        <source>%1 is not a demo folder (no tls/ca.pem).</source>
        <translation>%1 is not a demo folder (no tls/ca.pem).</translation>
    </message>
    <message>
        <source>%1 has no demo-staff.csv.</source>
        <translation>%1 has no demo-staff.csv.</translation>
    </message>
    <message>
        <source>demo-staff.csv names no teller of branch 001.</source>
        <translation>demo-staff.csv names no teller of branch 001.</translation>
    </message>
    <message>
        <source>demo-staff.csv has no user %1.</source>
        <translation>demo-staff.csv has no user %1.</translation>
    </message>
</context>
<context>
    <name>tc::Desk</name>
    <message>
        <source>Keep typing: 001-1234567, a name in kana or a phone number</source>
        <translation>Keep typing: 001-1234567, a name in kana or a phone number</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>No customer found</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>(more customers match: type more of the name or number)</source>
        <translation>(more customers match: type more of the name or number)</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Caller check</source>
        <translation>Caller check</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Early release approved by %1: the lock of %2 is released; the customer may try again now.</source>
        <translation>Early release approved by %1: the lock of %2 is released; the customer may try again now.</translation>
    </message>
    <message>
        <source>Early release rejected by %1: the lock of %2 stays until 00:00 JST. Reason: %3</source>
        <translation>Early release rejected by %1: the lock of %2 stays until 00:00 JST. Reason: %3</translation>
    </message>
    <message>
        <source>The early release request for %1 lapsed: the lock had ended.</source>
        <translation>The early release request for %1 lapsed: the lock had ended.</translation>
    </message>
    <message>
        <source>%1 lock of %2</source>
        <translation>%1 lock of %2</translation>
    </message>
    <message>
        <source>%1: clearing it waits for a supervisor&apos;s approval (request %2); the lock stays on until then.</source>
        <translation>%1: clearing it waits for a supervisor&apos;s approval (request %2); the lock stays on until then.</translation>
    </message>
    <message>
        <source>%1 cleared at %2 JST: the customer may try again now.</source>
        <translation>%1 cleared at %2 JST: the customer may try again now.</translation>
    </message>
    <message>
        <source>Revoked the linkage of %1 at %2 JST: the app&apos;s tokens no longer work.</source>
        <translation>Revoked the linkage of %1 at %2 JST: the app&apos;s tokens no longer work.</translation>
    </message>
</context>
<context>
    <name>tc::ExplainerWidget</name>
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
    <message>
        <source>&amp;Code, message or question of the customer:</source>
        <translation>&amp;Code, message or question of the customer:</translation>
    </message>
    <message>
        <source>Code, message or question to explain</source>
        <translation>Code, message or question to explain</translation>
    </message>
    <message>
        <source>e.g. B84, “ただ今お取扱いできません” or “電話番号が分からない”</source>
        <translation>e.g. B84, “ただ今お取扱いできません” or “電話番号が分からない”</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>Search state</translation>
    </message>
    <message>
        <source>Matching codes, messages and questions</source>
        <translation>Matching codes, messages and questions</translation>
    </message>
    <message>
        <source>Explanation and words to say</source>
        <translation>Explanation and words to say</translation>
    </message>
    <message>
        <source>Type a code such as B84, the message the customer reads out, or the customer&apos;s question (partial text, kana and full-width characters work).</source>
        <translation>Type a code such as B84, the message the customer reads out, or the customer&apos;s question (partial text, kana and full-width characters work).</translation>
    </message>
    <message>
        <source>Nothing in the catalog or the FAQ resembles “%1”. Check the code, ask the customer to read the message again word for word, or try other words for the question.</source>
        <translation>Nothing in the catalog or the FAQ resembles “%1”. Check the code, ask the customer to read the message again word for word, or try other words for the question.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Words to say</source>
        <translation>Words to say</translation>
    </message>
    <message>
        <source>Customer&apos;s branch: the branch holding the customer&apos;s account (open the customer to see which).</source>
        <translation>Customer&apos;s branch: the branch holding the customer&apos;s account (open the customer to see which).</translation>
    </message>
    <message>
        <source>Customer&apos;s branch: %1</source>
        <translation>Customer&apos;s branch: %1</translation>
    </message>
    <message>
        <source>Support desk: not configured for this institution.</source>
        <translation>Support desk: not configured for this institution.</translation>
    </message>
    <message>
        <source>Support desk: %1</source>
        <translation>Support desk: %1</translation>
    </message>
    <message>
        <source>Send the customer to</source>
        <translation>Send the customer to</translation>
    </message>
    <message>
        <source>Note for staff</source>
        <translation>Note for staff</translation>
    </message>
    <message>
        <source>Related codes</source>
        <translation>Related codes</translation>
    </message>
    <message>
        <source>As %1 answers it</source>
        <translation>As %1 answers it</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>Source: %1.</translation>
    </message>
    <message>
        <source>Question worded by us.</source>
        <translation>Question worded by us.</translation>
    </message>
    <message>
        <source>Answer worded by us.</source>
        <translation>Answer worded by us.</translation>
    </message>
</context>
<context>
    <name>tc::LinkagesModel</name>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 by %2: %3</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Granted (JST)</source>
        <translation>Granted (JST)</translation>
    </message>
    <message>
        <source>Expires (JST)</source>
        <translation>Expires (JST)</translation>
    </message>
    <message>
        <source>Last used (JST)</source>
        <translation>Last used (JST)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
</context>
<context>
    <name>tc::LockScreen</name>
    <message>
        <source>Console locked</source>
        <translation>Console locked</translation>
    </message>
    <message>
        <source>The console is locked</source>
        <translation>The console is locked</translation>
    </message>
    <message>
        <source>Why the console is locked</source>
        <translation>Why the console is locked</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Signed in as:</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Signed-in user</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>Authenticator code</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>Unlock problem</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>tc::LockSentence</name>
    <message numerus="yes">
        <source>PIN locked until %1 JST (in %2), %n failure(s) today; new attempts get code %3</source>
        <comment>%1 release time, %2 time left, %3 code</comment>
        <translation>
            <numerusform>PIN locked until %1 JST (in %2), %n failure today; new attempts get code %3</numerusform>
            <numerusform>PIN locked until %1 JST (in %2), %n failures today; new attempts get code %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity locked until %1 JST (in %2), %n failure(s) today; new attempts get code %3</source>
        <comment>%1 release time, %2 time left, %3 code</comment>
        <translation>
            <numerusform>Identity locked until %1 JST (in %2), %n failure today; new attempts get code %3</numerusform>
            <numerusform>Identity locked until %1 JST (in %2), %n failures today; new attempts get code %3</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN lock ended at %1 JST</source>
        <translation>PIN lock ended at %1 JST</translation>
    </message>
    <message>
        <source>Identity lock ended at %1 JST</source>
        <translation>Identity lock ended at %1 JST</translation>
    </message>
    <message numerus="yes">
        <source>PIN not locked, %n failure(s) today (locks at %1)</source>
        <translation>
            <numerusform>PIN not locked, %n failure today (locks at %1)</numerusform>
            <numerusform>PIN not locked, %n failures today (locks at %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity not locked, %n failure(s) today (locks at %1)</source>
        <translation>
            <numerusform>Identity not locked, %n failure today (locks at %1)</numerusform>
            <numerusform>Identity not locked, %n failures today (locks at %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PIN lock released early at %1 JST, %n failure(s) since (locks at %2)</source>
        <translation>
            <numerusform>PIN lock released early at %1 JST, %n failure since (locks at %2)</numerusform>
            <numerusform>PIN lock released early at %1 JST, %n failures since (locks at %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity lock released early at %1 JST, %n failure(s) since (locks at %2)</source>
        <translation>
            <numerusform>Identity lock released early at %1 JST, %n failure since (locks at %2)</numerusform>
            <numerusform>Identity lock released early at %1 JST, %n failures since (locks at %2)</numerusform>
        </translation>
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
        <source>Work area</source>
        <translation>Work area</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Branch activity</source>
        <translation>Branch activity</translation>
    </message>
    <message>
        <source>Planned closures of the next 30 days, soonest first</source>
        <translation>Planned closures of the next 30 days, soonest first</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Backend address, pinned certificate, idle lock</source>
        <translation>Backend address, pinned certificate, idle lock</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Lock the console now; your password opens it again</source>
        <translation>Lock the console now; your password opens it again</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>End the staff session and forget the saved sign-in</source>
        <translation>End the staff session and forget the saved sign-in</translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation>&amp;Find a customer</translation>
    </message>
    <message>
        <source>Move to the search box</source>
        <translation>Move to the search box</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Customer</translation>
    </message>
    <message>
        <source>&amp;Branch activity</source>
        <translation>&amp;Branch activity</translation>
    </message>
    <message>
        <source>&amp;Explain a code or message</source>
        <translation>&amp;Explain a code or message</translation>
    </message>
    <message>
        <source>Service &amp;pauses</source>
        <translation>Service &amp;pauses</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Load the open customer and the branch activity again</source>
        <translation>Load the open customer and the branch activity again</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Code or message to explain</source>
        <translation>Code or message to explain</translation>
    </message>
    <message>
        <source>Matching catalog entries</source>
        <translation>Matching catalog entries</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>The backend did not answer. Try again in a moment.</source>
        <translation>The backend did not answer. Try again in a moment.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Teller Console %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;For branch and phone-support staff of API linkage authentication: finds the customer, shows their attempts and locks, explains the codes and messages customers see and shows when the service is closed. Times are Asia/Tokyo.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Teller Console %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;For branch and phone-support staff of API linkage authentication: finds the customer, shows their attempts and locks, explains the codes and messages customers see and shows when the service is closed. Times are Asia/Tokyo.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>Sign &amp;in…</translation>
    </message>
    <message>
        <source>Sign in to the backend to find customers</source>
        <translation>Sign in to the backend to find customers</translation>
    </message>
</context>
<context>
    <name>tc::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Close this message</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Close message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>tc::ReleaseRequestsModel</name>
    <message>
        <source>Would release by itself at %1 JST</source>
        <translation>Would release by itself at %1 JST</translation>
    </message>
    <message>
        <source>Requested at %1 JST</source>
        <translation>Requested at %1 JST</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n failure(s)</source>
        <translation>
            <numerusform>%1, %n failure</numerusform>
            <numerusform>%1, %n failures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no longer locked)</source>
        <translation>%1 (no longer locked)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Identity confirmed</source>
        <translation>Identity confirmed</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>tc::RevokeLinkageDialog</name>
    <message>
        <source>Revoke an app linkage</source>
        <translation>Revoke an app linkage</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>App:</source>
        <translation>App:</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Granted:</source>
        <translation>Granted:</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Expires:</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Revoke the linkage or cancel</source>
        <translation>Revoke the linkage or cancel</translation>
    </message>
    <message>
        <source>Revoke an app linkage — Teller Console</source>
        <translation>Revoke an app linkage — Teller Console</translation>
    </message>
    <message>
        <source>%1 JST</source>
        <translation>%1 JST</translation>
    </message>
    <message>
        <source>The app&apos;s tokens stop working at once; to use the app again the customer links it anew from the app.</source>
        <translation>The app&apos;s tokens stop working at once; to use the app again the customer links it anew from the app.</translation>
    </message>
    <message>
        <source>Revoke linkage</source>
        <translation>Revoke linkage</translation>
    </message>
</context>
<context>
    <name>tc::RoleGate</name>
    <message>
        <source>Your role may not look up customers.</source>
        <translation>Your role may not look up customers.</translation>
    </message>
    <message>
        <source>Tellers see the customers and activity of their own branch only.</source>
        <translation>Tellers see the customers and activity of their own branch only.</translation>
    </message>
    <message>
        <source>Support staff see birth dates and phone numbers partly hidden.</source>
        <translation>Support staff see birth dates and phone numbers partly hidden.</translation>
    </message>
    <message>
        <source>Your role may not clear a lock early.</source>
        <translation>Your role may not clear a lock early.</translation>
    </message>
    <message>
        <source>Your role may not revoke an app linkage.</source>
        <translation>Your role may not revoke an app linkage.</translation>
    </message>
    <message>
        <source>Caller checks are for tellers and phone support; a supervisor acts on the reason alone.</source>
        <translation>Caller checks are for tellers and phone support; a supervisor acts on the reason alone.</translation>
    </message>
    <message>
        <source>Only a supervisor may approve or reject an early release.</source>
        <translation>Only a supervisor may approve or reject an early release.</translation>
    </message>
    <message>
        <source>Only a supervisor may suspend or resume an app.</source>
        <translation>Only a supervisor may suspend or resume an app.</translation>
    </message>
    <message>
        <source>Only a supervisor may read the audit log.</source>
        <translation>Only a supervisor may read the audit log.</translation>
    </message>
    <message>
        <source>Only a supervisor may see the daily report.</source>
        <translation>Only a supervisor may see the daily report.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Your role may not do this.</translation>
    </message>
</context>
<context>
    <name>tc::SearchWidget</name>
    <message>
        <source>&amp;Find a customer (Ctrl+K):</source>
        <translation>&amp;Find a customer (Ctrl+K):</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Find a customer</translation>
    </message>
    <message>
        <source>Branch and account number (001-1234567), name in kana, or phone number. Down moves to the results, Enter opens one, Esc clears.</source>
        <translation>Branch and account number (001-1234567), name in kana, or phone number. Down moves to the results, Enter opens one, Esc clears.</translation>
    </message>
    <message>
        <source>001-1234567, ﾃﾞｰﾀ ﾀﾛｳ or 0786310000</source>
        <translation>001-1234567, ﾃﾞｰﾀ ﾀﾛｳ or 0786310000</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>Search state</translation>
    </message>
    <message>
        <source>Type the branch and account number (001-1234567), the name in kana or the phone number. Down moves to the results, Enter opens the customer, Esc clears.</source>
        <translation>Type the branch and account number (001-1234567), the name in kana or the phone number. Down moves to the results, Enter opens the customer, Esc clears.</translation>
    </message>
    <message>
        <source>How to search</source>
        <translation>How to search</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Customers found</translation>
    </message>
    <message>
        <source>Enter or double-click opens the customer</source>
        <translation>Enter or double-click opens the customer</translation>
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
    <message>
        <source>(calendar, offline)</source>
        <translation>(calendar, offline)</translation>
    </message>
    <message>
        <source>Not connected: service hours come from the calendar built into the console; announced maintenance may be missing.</source>
        <translation>Not connected: service hours come from the calendar built into the console; announced maintenance may be missing.</translation>
    </message>
</context>
<context>
    <name>tc::Settings</name>
    <message>
        <source>No backend address is set.</source>
        <translation>No backend address is set.</translation>
    </message>
    <message>
        <source>No CA certificate file is set.</source>
        <translation>No CA certificate file is set.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist.</source>
        <translation>The CA certificate file %1 does not exist.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>The CA certificate file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate (PEM or DER).</source>
        <translation>The file %1 holds no certificate (PEM or DER).</translation>
    </message>
</context>
<context>
    <name>tc::SettingsDialog</name>
    <message>
        <source>Settings — Teller Console</source>
        <translation>Settings — Teller Console</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Where the backend is and how the console trusts it. IT gives you the address and the CA certificate file.</source>
        <translation>Where the backend is and how the console trusts it. IT gives you the address and the CA certificate file.</translation>
    </message>
    <message>
        <source>&amp;Backend address:</source>
        <translation>&amp;Backend address:</translation>
    </message>
    <message>
        <source>Backend address</source>
        <translation>Backend address</translation>
    </message>
    <message>
        <source>&amp;CA certificate file:</source>
        <translation>&amp;CA certificate file:</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <source>&amp;Answer within:</source>
        <translation>&amp;Answer within:</translation>
    </message>
    <message>
        <source>Seconds the backend has to answer</source>
        <translation>Seconds the backend has to answer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Lock after idle:</translation>
    </message>
    <message>
        <source>Minutes without use before the console locks</source>
        <translation>Minutes without use before the console locks</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problem with the settings</translation>
    </message>
    <message>
        <source>Save or cancel</source>
        <translation>Save or cancel</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>Not tested: the settings are incomplete.</source>
        <translation>Not tested: the settings are incomplete.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>Something answered, but not an auth-backend in service.</source>
        <translation>Something answered, but not an auth-backend in service.</translation>
    </message>
    <message>
        <source>Connected: the backend answers and its certificate verifies against the CA file.</source>
        <translation>Connected: the backend answers and its certificate verifies against the CA file.</translation>
    </message>
</context>
<context>
    <name>tc::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Every command of the menus that has a key. In tables, Ctrl+C copies the selected rows.</source>
        <translation>Every command of the menus that has a key. In tables, Ctrl+C copies the selected rows.</translation>
    </message>
    <message>
        <source>Menu, command and its keys, one per row</source>
        <translation>Menu, command and its keys, one per row</translation>
    </message>
    <message>
        <source>Close the shortcuts list</source>
        <translation>Close the shortcuts list</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>tc::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>Authenticator code</translation>
    </message>
    <message>
        <source>The 6-digit code of your authenticator app</source>
        <translation>The 6-digit code of your authenticator app</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Sign-in problem</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>Connection settings</translation>
    </message>
    <message>
        <source>Sign in or quit</source>
        <translation>Sign in or quit</translation>
    </message>
    <message>
        <source>Sign in — Teller Console</source>
        <translation>Sign in — Teller Console</translation>
    </message>
    <message>
        <source>Sign in with your staff user name and password.</source>
        <translation>Sign in with your staff user name and password.</translation>
    </message>
    <message>
        <source>Console locked — Teller Console</source>
        <translation>Console locked — Teller Console</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Enter the 6-digit code of your authenticator app.</source>
        <translation>Enter the 6-digit code of your authenticator app.</translation>
    </message>
</context>
<context>
    <name>tc::StaffChangeDialog</name>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
</context>
<context>
    <name>tc::StaffChangeForm</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>How was the customer&apos;s identity confirmed? (required)</source>
        <translation>How was the customer&apos;s identity confirmed? (required)</translation>
    </message>
    <message>
        <source>How the customer&apos;s identity was confirmed</source>
        <translation>How the customer&apos;s identity was confirmed</translation>
    </message>
    <message>
        <source>&amp;Customer at the counter, identity document seen</source>
        <translation>&amp;Customer at the counter, identity document seen</translation>
    </message>
    <message>
        <source>Customer at the counter with an identity document</source>
        <translation>Customer at the counter with an identity document</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <source>Identity document seen</source>
        <translation>Identity document seen</translation>
    </message>
    <message>
        <source>Caller verified on the &amp;phone (caller check passed)</source>
        <translation>Caller verified on the &amp;phone (caller check passed)</translation>
    </message>
    <message>
        <source>Caller verified on the phone with a passed caller check</source>
        <translation>Caller verified on the phone with a passed caller check</translation>
    </message>
    <message>
        <source>&amp;Other</source>
        <translation>&amp;Other</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Required: what the customer asked for and why</source>
        <translation>Required: what the customer asked for and why</translation>
    </message>
    <message>
        <source>What is still missing</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <source>Choose the document…</source>
        <translation>Choose the document…</translation>
    </message>
    <message>
        <source>Support staff confirm a caller&apos;s identity with a caller check, not a document.</source>
        <translation>Support staff confirm a caller&apos;s identity with a caller check, not a document.</translation>
    </message>
    <message>
        <source>No passed caller check of this customer in the last 10 minutes: run the caller check first (Ctrl+8).</source>
        <translation>No passed caller check of this customer in the last 10 minutes: run the caller check first (Ctrl+8).</translation>
    </message>
    <message>
        <source>Tellers record the identity document they saw or a passed caller check.</source>
        <translation>Tellers record the identity document they saw or a passed caller check.</translation>
    </message>
    <message>
        <source>Support staff act only after a passed caller check of the customer.</source>
        <translation>Support staff act only after a passed caller check of the customer.</translation>
    </message>
    <message>
        <source>Run a caller check of this customer first (Ctrl+8): support staff act only after a passed check.</source>
        <translation>Run a caller check of this customer first (Ctrl+8): support staff act only after a passed check.</translation>
    </message>
    <message>
        <source>Choose how the customer&apos;s identity was confirmed.</source>
        <translation>Choose how the customer&apos;s identity was confirmed.</translation>
    </message>
    <message>
        <source>Choose the identity document you saw.</source>
        <translation>Choose the identity document you saw.</translation>
    </message>
    <message>
        <source>Type the reason.</source>
        <translation>Type the reason.</translation>
    </message>
    <message>
        <source>The server needs a reason: type what the customer asked for and why.</source>
        <translation>The server needs a reason: type what the customer asked for and why.</translation>
    </message>
    <message>
        <source>A request to clear this lock is already waiting for a supervisor&apos;s approval; nothing new was sent.</source>
        <translation>A request to clear this lock is already waiting for a supervisor&apos;s approval; nothing new was sent.</translation>
    </message>
    <message>
        <source>This lock is not on any more (a colleague cleared it, or it ended at midnight); nothing was changed.</source>
        <translation>This lock is not on any more (a colleague cleared it, or it ended at midnight); nothing was changed.</translation>
    </message>
    <message>
        <source>This had been done already (the linkage had ended); nothing was changed.</source>
        <translation>This had been done already (the linkage had ended); nothing was changed.</translation>
    </message>
    <message>
        <source>The server asks for a caller check of this customer that you passed in the last 10 minutes: run the caller check (Ctrl+8), then try again.</source>
        <translation>The server asks for a caller check of this customer that you passed in the last 10 minutes: run the caller check (Ctrl+8), then try again.</translation>
    </message>
    <message>
        <source>The server asks how the customer&apos;s identity was confirmed: the document seen at the counter, or a passed caller check.</source>
        <translation>The server asks how the customer&apos;s identity was confirmed: the document seen at the counter, or a passed caller check.</translation>
    </message>
</context>
<context>
    <name>tc::TableStateHelper</name>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>&amp;Copy selected rows</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copy the selected rows as tab-separated text</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Fit columns to contents</source>
        <translation>Fit columns to contents</translation>
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
    <name>tc::Tour</name>
    <message>
        <source>At the counter; identity checked with the customer&apos;s driver&apos;s license.</source>
        <translation>At the counter; identity checked with the customer&apos;s driver&apos;s license.</translation>
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
<context>
    <name>tc::client::ClientError</name>
    <message>
        <source>The backend&apos;s certificate could not be verified against the pinned CA; nothing was sent. Ask IT to check the console&apos;s settings.</source>
        <translation>The backend&apos;s certificate could not be verified against the pinned CA; nothing was sent. Ask IT to check the console&apos;s settings.</translation>
    </message>
    <message>
        <source>The backend&apos;s certificate could not be verified against the pinned CA (%1); nothing was sent. Ask IT to check the console&apos;s settings.</source>
        <translation>The backend&apos;s certificate could not be verified against the pinned CA (%1); nothing was sent. Ask IT to check the console&apos;s settings.</translation>
    </message>
    <message>
        <source>The backend cannot be reached. Check the network; the console keeps trying.</source>
        <translation>The backend cannot be reached. Check the network; the console keeps trying.</translation>
    </message>
    <message>
        <source>The backend did not answer in time. Try again in a moment.</source>
        <translation>The backend did not answer in time. Try again in a moment.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; the screen stays as it is.</source>
        <translation>Your session has ended. Sign in again; the screen stays as it is.</translation>
    </message>
    <message>
        <source>Your role or branch does not allow this (another branch&apos;s account, or supervisors only); ask the account&apos;s branch or a supervisor.</source>
        <translation>Your role or branch does not allow this (another branch&apos;s account, or supervisors only); ask the account&apos;s branch or a supervisor.</translation>
    </message>
    <message>
        <source>The backend&apos;s answer could not be read (a newer or older backend?). Tell IT.</source>
        <translation>The backend&apos;s answer could not be read (a newer or older backend?). Tell IT.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>The request was cancelled.</translation>
    </message>
    <message>
        <source>The backend refused the request (HTTP %1).</source>
        <translation>The backend refused the request (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>tc::client::ConnectionSettings</name>
    <message>
        <source>The backend address is not a valid URL.</source>
        <translation>The backend address is not a valid URL.</translation>
    </message>
    <message>
        <source>The backend address must start with https://.</source>
        <translation>The backend address must start with https://.</translation>
    </message>
    <message>
        <source>The backend address must not have a path.</source>
        <translation>The backend address must not have a path.</translation>
    </message>
    <message>
        <source>No CA certificate is pinned: the backend&apos;s certificate cannot be checked.</source>
        <translation>No CA certificate is pinned: the backend&apos;s certificate cannot be checked.</translation>
    </message>
    <message>
        <source>The transfer timeout must be positive.</source>
        <translation>The transfer timeout must be positive.</translation>
    </message>
</context>
<context>
    <name>tc::client::KeychainError</name>
    <message>
        <source>Nothing is kept in the keychain for this user.</source>
        <translation>Nothing is kept in the keychain for this user.</translation>
    </message>
    <message>
        <source>The system keychain is not available: the console cannot remember the sign-in and asks for the password each time.</source>
        <translation>The system keychain is not available: the console cannot remember the sign-in and asks for the password each time.</translation>
    </message>
    <message>
        <source>The system keychain refused access: the console cannot remember the sign-in and asks for the password.</source>
        <translation>The system keychain refused access: the console cannot remember the sign-in and asks for the password.</translation>
    </message>
    <message>
        <source>The system keychain failed (%1): the console cannot remember the sign-in and asks for the password.</source>
        <translation>The system keychain failed (%1): the console cannot remember the sign-in and asks for the password.</translation>
    </message>
</context>
<context>
    <name>tc::client::Session</name>
    <message>
        <source>The remembered sign-in has ended. Sign in with your password.</source>
        <translation>The remembered sign-in has ended. Sign in with your password.</translation>
    </message>
</context>
</TS>
