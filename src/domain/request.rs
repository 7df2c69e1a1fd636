//! Record requests and their clock: a US provider has 30 days to answer a
//! request for records, with one written extension of 30 more.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::RecordId;
use super::choice::choice;
use super::dates::{days_between, offset};

/// Days a provider has to answer a request.
pub const DAYS_TO_ANSWER: i64 = 30;
/// Days a provider has at most, once it has extended in writing.
pub const DAYS_WITH_EXTENSION: i64 = 60;

choice! {
    /// Where a record request stands.
    RequestStatus {
        Draft => "draft", "draft";
        Sent => "sent", "sent";
        Acknowledged => "acknowledged", "acknowledged";
        Extended => "extended", "extended";
        Received => "received", "received";
        Refused => "refused", "refused";
        Cancelled => "cancelled", "cancelled";
    }
}

impl RequestStatus {
    /// Sent and not yet answered: the clock is running.
    pub fn is_waiting(self) -> bool {
        matches!(self, Self::Sent | Self::Acknowledged | Self::Extended)
    }
}

/// A request for records to a hospital, lab or doctor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordRequestDraft {
    /// Who the request went to.
    pub to_whom: String,
    /// What was asked for.
    pub what: String,
    pub requested_on: NaiveDate,
    /// Portal, fax, post, in person...
    pub method: String,
    /// Sent straight to this doctor; None means to the patient.
    pub deliver_to_doctor: Option<RecordId>,
    pub status: RequestStatus,
    /// A shorter limit that applies where the provider is, in days.
    pub local_limit_days: Option<i64>,
    /// The date the provider's written notice of an extension came, if
    /// one did.
    pub extended_on: Option<NaiveDate>,
    /// The day what was asked for arrived (absent from exports written
    /// before casefile knew it).
    #[serde(default)]
    pub received_on: Option<NaiveDate>,
}

impl RecordRequestDraft {
    /// The last day to answer before any extension: 30 days after the
    /// request, or the shorter local limit.
    pub fn first_due_by(&self) -> NaiveDate {
        let limit = self
            .local_limit_days
            .map_or(DAYS_TO_ANSWER, |local| local.clamp(1, DAYS_TO_ANSWER));
        offset(self.requested_on, limit).unwrap_or(self.requested_on)
    }

    /// The last day an extension may be given: a provider must send its
    /// written notice within the first 30 days.
    pub fn extension_deadline(&self) -> NaiveDate {
        offset(self.requested_on, DAYS_TO_ANSWER).unwrap_or(self.requested_on)
    }

    /// True when a written extension was noticed in time, so that it
    /// moves the due date to 60 days after the request.
    pub fn extension_counts(&self) -> bool {
        self.extended_on
            .is_some_and(|noticed| noticed <= self.extension_deadline())
    }

    /// True when an extension notice came too late to count: it is kept,
    /// but the first due date stands.
    pub fn extension_too_late(&self) -> bool {
        self.extended_on.is_some() && !self.extension_counts()
    }

    /// The last day the provider has to answer.
    pub fn due_by(&self) -> NaiveDate {
        if self.extension_counts() {
            offset(self.requested_on, DAYS_WITH_EXTENSION).unwrap_or(self.requested_on)
        } else {
            self.first_due_by()
        }
    }

    /// Days left until `due_by`: negative when overdue. None when the
    /// clock is not running (a draft, or an answered or closed request).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.status
            .is_waiting()
            .then(|| days_between(today, self.due_by()))
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.days_left(today).is_some_and(|days| days < 0)
    }

    /// True while the clock runs and the provider may answer after the
    /// day the patient means to decide.
    pub fn due_after(&self, decide_by: Option<NaiveDate>) -> bool {
        self.status.is_waiting() && decide_by.is_some_and(|day| self.due_by() > day)
    }
}

/// What became of one item a request asked for, when the answer came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The item itself came (glass slides sent lab to lab, a disc lent).
    Original,
    /// A new copy came; the original stays where it was.
    NewCopy,
    /// It was not in this delivery.
    Missing,
}

/// A new copy that came with a request's answer: the item, and the
/// doctor it was delivered to, if it went straight to one.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCopy {
    pub item: super::ItemDraft,
    pub for_doctor: Option<RecordId>,
    pub received_on: NaiveDate,
    pub received_as: super::ReceivedAs,
}

/// What receiving a request changes: the items that came themselves move
/// to where the request was delivered; new copies become items of their
/// own, held there; a doctor it went to has received them; and the
/// follow-up log says what came.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub request: RecordRequestDraft,
    pub moves: Vec<super::CustodyMoveDraft>,
    /// Doctors' existing "needs it" lines that are now received: id,
    /// version read, and the line as it becomes.
    pub received: Vec<(RecordId, i64, super::ItemRecipientDraft)>,
    /// Doctors who had not been listed for an item and now have it.
    pub new_recipients: Vec<super::ItemRecipientDraft>,
    pub copies: Vec<NewCopy>,
    pub follow_up: FollowUpDraft,
}

/// Where a request's answer was delivered: the doctor's name, or the
/// patient's.
pub fn destination(case: &super::CaseSnapshot, request: &RecordRequestDraft) -> String {
    match request.deliver_to_doctor {
        Some(doctor) => case.doctor_name(Some(doctor)).to_string(),
        None => case
            .case
            .as_ref()
            .map_or_else(|| "the patient".to_string(), |c| c.patient.clone()),
    }
}

/// The arrival casefile suggests for an item: glass and blocks travel
/// themselves, while a records office sends new copies of the rest.
pub fn likely_arrival(item: &super::ItemDraft) -> Arrival {
    match item.kind {
        super::ItemKind::Slides | super::ItemKind::Block if item.is_original => Arrival::Original,
        _ => Arrival::NewCopy,
    }
}

/// Marks `request` received on `on`, by `by`: each item it asks for
/// arrives as `arrivals` says (an item left out arrives as casefile
/// suggests).
pub fn receipt(
    case: &super::CaseSnapshot,
    request: &super::RecordRequest,
    on: NaiveDate,
    by: &str,
    arrivals: &[(RecordId, Arrival)],
) -> Receipt {
    let destination = destination(case, request);
    let mut receipt = Receipt {
        request: RecordRequestDraft {
            status: RequestStatus::Received,
            received_on: Some(on),
            ..request.data.clone()
        },
        moves: Vec::new(),
        received: Vec::new(),
        new_recipients: Vec::new(),
        copies: Vec::new(),
        follow_up: FollowUpDraft {
            request_id: request.id,
            on,
            by: by.to_string(),
            said: String::new(),
        },
    };
    let mut came: Vec<String> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for link in case
        .request_items
        .iter()
        .filter(|l| l.request_id == request.id)
    {
        let Some(item) = case.item(link.item_id) else {
            continue;
        };
        let arrival = arrivals
            .iter()
            .find(|(id, _)| *id == item.id)
            .map_or_else(|| likely_arrival(item), |(_, arrival)| *arrival);
        match arrival {
            Arrival::Missing => {
                missing.push(item.description.clone());
                continue;
            }
            Arrival::NewCopy => {
                came.push(format!("{} (a new copy)", item.description));
                // The copy is an item of its own, held where it came; the
                // doctor it came to has the original's line received.
                receipt.copies.push(NewCopy {
                    item: super::ItemDraft {
                        is_original: false,
                        held_by: destination.clone(),
                        copy_of: Some(item.id),
                        ..item.data.clone()
                    },
                    for_doctor: None,
                    received_on: on,
                    received_as: super::ReceivedAs::Item,
                });
            }
            Arrival::Original => {
                came.push(format!("{} (the original)", item.description));
                let holder = case.holder(item).to_string();
                if super::text::normalize(&holder) != super::text::normalize(&destination) {
                    receipt.moves.push(super::CustodyMoveDraft {
                        item_id: item.id,
                        from: holder,
                        to: destination.clone(),
                        moved_on: on,
                        method: format!("Received on the request to {}", request.to_whom),
                        tracking: String::new(),
                        direct: request.deliver_to_doctor.is_some(),
                        note: String::new(),
                    });
                }
            }
        }
        let received_as = match arrival {
            Arrival::NewCopy => super::ReceivedAs::Copy,
            _ => super::ReceivedAs::Item,
        };
        let Some(doctor) = request.deliver_to_doctor else {
            continue;
        };
        match case
            .item_recipients
            .iter()
            .find(|r| r.item_id == item.id && r.doctor_id == doctor)
        {
            Some(line) if line.received_on.is_none() => receipt.received.push((
                line.id,
                line.stamp.version,
                super::ItemRecipientDraft {
                    received_on: Some(on),
                    received_as,
                    ..line.data.clone()
                },
            )),
            Some(_) => {}
            None => receipt.new_recipients.push(super::ItemRecipientDraft {
                item_id: item.id,
                doctor_id: doctor,
                received_on: Some(on),
                received_as,
            }),
        }
    }
    let mut said = format!("Received, delivered to {destination}");
    if !came.is_empty() {
        said.push_str(&format!(": {}", came.join("; ")));
    }
    if !missing.is_empty() {
        said.push_str(&format!(". Not in this delivery: {}", missing.join("; ")));
    }
    receipt.follow_up.said = said;
    receipt
}

/// A call, an email or a visit about a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpDraft {
    pub request_id: RecordId,
    pub on: NaiveDate,
    /// Who in the family followed up.
    pub by: String,
    /// What was said.
    pub said: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn request(requested_on: &str) -> RecordRequestDraft {
        RecordRequestDraft {
            to_whom: "Records office".into(),
            what: "Pathology report".into(),
            requested_on: day(requested_on),
            method: "fax".into(),
            deliver_to_doctor: None,
            status: RequestStatus::Sent,
            local_limit_days: None,
            extended_on: None,
            received_on: None,
        }
    }

    #[test]
    fn a_request_is_due_thirty_days_later_and_overdue_after() {
        let request = request("2026-01-31");
        assert_eq!(request.due_by(), day("2026-03-02"));
        assert_eq!(request.days_left(day("2026-03-02")), Some(0));
        assert!(!request.is_overdue(day("2026-03-02")));
        assert_eq!(request.days_left(day("2026-03-05")), Some(-3));
        assert!(request.is_overdue(day("2026-03-05")));
    }

    #[test]
    fn an_extension_moves_the_due_date_to_sixty_days() {
        let mut request = request("2026-01-01");
        request.extended_on = Some(day("2026-01-20"));
        request.status = RequestStatus::Extended;
        assert_eq!(request.due_by(), day("2026-03-02"));
    }

    #[test]
    fn a_shorter_local_limit_applies() {
        let mut request = request("2026-01-01");
        request.local_limit_days = Some(15);
        assert_eq!(request.due_by(), day("2026-01-16"));
    }

    #[test]
    fn an_extension_noticed_after_the_thirty_days_is_kept_but_does_not_count() {
        let mut request = request("2026-01-01");
        request.status = RequestStatus::Extended;
        request.extended_on = Some(day("2026-01-31"));
        assert!(request.extension_counts(), "the 30th day is still in time");
        assert_eq!(request.due_by(), day("2026-03-02"));
        request.extended_on = Some(day("2026-02-01"));
        assert!(request.extension_too_late());
        assert_eq!(
            request.due_by(),
            day("2026-01-31"),
            "the first due date stands"
        );
        assert!(request.is_overdue(day("2026-02-05")));
    }

    #[test]
    fn a_request_due_after_the_decision_date_is_told_apart() {
        let request = request("2026-01-01");
        assert!(request.due_after(Some(day("2026-01-20"))));
        assert!(!request.due_after(Some(day("2026-01-31"))));
        assert!(!request.due_after(None));
    }

    #[test]
    fn an_answered_request_is_never_overdue() {
        let mut request = request("2025-01-01");
        request.status = RequestStatus::Received;
        assert_eq!(request.days_left(day("2026-01-01")), None);
    }
}

#[cfg(test)]
mod calendar_tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn sent(on: &str) -> RecordRequestDraft {
        RecordRequestDraft {
            to_whom: "Records office".into(),
            what: "Slides".into(),
            requested_on: day(on),
            method: "post".into(),
            deliver_to_doctor: None,
            status: RequestStatus::Sent,
            local_limit_days: None,
            extended_on: None,
            received_on: None,
        }
    }

    #[test]
    fn the_clock_counts_calendar_days_across_month_ends_and_leap_years() {
        assert_eq!(
            sent("2027-01-31").due_by(),
            day("2027-03-02"),
            "February has 28 days in 2027"
        );
        assert_eq!(
            sent("2028-01-31").due_by(),
            day("2028-03-01"),
            "and 29 in 2028"
        );
        assert_eq!(sent("2028-02-29").due_by(), day("2028-03-30"));
        assert_eq!(
            sent("2026-12-15").due_by(),
            day("2027-01-14"),
            "across the new year"
        );
    }

    #[test]
    fn one_extension_reaches_sixty_days_and_never_more() {
        let mut request = sent("2028-12-31");
        request.status = RequestStatus::Extended;
        request.extended_on = Some(day("2029-01-20"));
        assert_eq!(request.due_by(), day("2029-03-01"));
        request.local_limit_days = Some(10);
        assert_eq!(
            request.due_by(),
            day("2029-03-01"),
            "a local limit does not shorten an extension"
        );
    }

    #[test]
    fn a_local_limit_longer_than_thirty_days_is_held_to_thirty() {
        let mut request = sent("2026-01-01");
        request.local_limit_days = Some(45);
        assert_eq!(request.due_by(), day("2026-01-31"));
    }

    #[test]
    fn overdue_is_counted_from_the_injected_day() {
        let request = sent("2026-01-01");
        assert_eq!(request.days_left(day("2026-01-31")), Some(0));
        assert!(!request.is_overdue(day("2026-01-31")));
        assert_eq!(request.days_left(day("2026-02-01")), Some(-1));
        assert!(request.is_overdue(day("2026-02-01")));
    }
}
