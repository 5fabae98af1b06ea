#pragma once

#include <QLatin1StringView>

// The catalog codes the programs name in code. The texts belong to the catalog file; these
// constants only spare the rest of the code from spelling codes as loose strings.
namespace tc::codes {

// A: service availability (any screen)
inline constexpr QLatin1StringView OutsideServiceHours {"A01"};
inline constexpr QLatin1StringView Congested {"A02"};
inline constexpr QLatin1StringView SystemError {"A03"};
inline constexpr QLatin1StringView ServiceUnavailable {"A04"};
// B: screens ① and ②
inline constexpr QLatin1StringView MissingFields {"B01"};
inline constexpr QLatin1StringView InvalidFormat {"B02"};
inline constexpr QLatin1StringView EmailConfirmationMismatch {"B03"};
inline constexpr QLatin1StringView AccountNotEligible {"B11"};
inline constexpr QLatin1StringView IdentityMismatch {"B21"};
inline constexpr QLatin1StringView IdentityLockedNow {"B83"};
inline constexpr QLatin1StringView IdentityLocked {"B84"};
// C: screens ③ and ④
inline constexpr QLatin1StringView AwaitingCall {"C01"};
inline constexpr QLatin1StringView CallWindowExpired {"C02"};
inline constexpr QLatin1StringView CallFromUnregisteredNumber {"C03"};
// D: screen ⑤
inline constexpr QLatin1StringView WrongPin {"D01"};
inline constexpr QLatin1StringView PinLockedNow {"D83"};
inline constexpr QLatin1StringView PinLocked {"D84"};
// E: screen ⑥ and cancelling
inline constexpr QLatin1StringView TermsNotAgreed {"E01"};
inline constexpr QLatin1StringView ConsentDenied {"E02"};
inline constexpr QLatin1StringView Cancelled {"E03"};
// F: a linkage that no longer works
inline constexpr QLatin1StringView LinkageExpired {"F01"};
inline constexpr QLatin1StringView LinkageRevoked {"F02"};
inline constexpr QLatin1StringView AccountMoved {"F03"};
inline constexpr QLatin1StringView ClientSuspended {"F04"};
// G: requests the API cannot take
inline constexpr QLatin1StringView MalformedRequest {"G01"};
inline constexpr QLatin1StringView StepOutOfOrder {"G02"};
inline constexpr QLatin1StringView FlowNotFound {"G03"};
inline constexpr QLatin1StringView UnknownPath {"G04"};
inline constexpr QLatin1StringView MethodNotAllowed {"G05"};
inline constexpr QLatin1StringView PayloadTooLarge {"G06"};
inline constexpr QLatin1StringView TooManyRequests {"G07"};
inline constexpr QLatin1StringView Unauthorized {"G08"};
// S: the staff API (answers staff see in the console, never customers)
inline constexpr QLatin1StringView StaffSignInFailed {"S01"};
inline constexpr QLatin1StringView StaffSecondFactorRequired {"S02"};
inline constexpr QLatin1StringView StaffSessionEnded {"S03"};
inline constexpr QLatin1StringView StaffForbidden {"S04"};
inline constexpr QLatin1StringView StaffReasonRequired {"S05"};
inline constexpr QLatin1StringView StaffNotFound {"S06"};
inline constexpr QLatin1StringView StaffApprovalPending {"S07"};
inline constexpr QLatin1StringView StaffSameApprover {"S08"};
inline constexpr QLatin1StringView StaffNothingToRelease {"S09"};
inline constexpr QLatin1StringView StaffAlreadyDone {"S10"};
inline constexpr QLatin1StringView StaffCallerCheckRequired {"S11"};
inline constexpr QLatin1StringView StaffCallerCheckLimited {"S12"};
inline constexpr QLatin1StringView StaffIdentityProofRequired {"S13"};

} // namespace tc::codes
