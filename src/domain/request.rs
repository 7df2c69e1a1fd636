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
    /// The date the provider extended in writing, if it did.
    pub extended_on: Option<NaiveDate>,
}

impl RecordRequestDraft {
    /// The last day the provider has to answer.
    pub fn due_by(&self) -> NaiveDate {
        let limit = match (self.extended_on, self.local_limit_days) {
            (Some(_), _) => DAYS_WITH_EXTENSION,
            (None, Some(local)) => local.clamp(1, DAYS_TO_ANSWER),
            (None, None) => DAYS_TO_ANSWER,
        };
        offset(self.requested_on, limit).unwrap_or(self.requested_on)
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
}

/// What receiving a request changes: the linked items move to where the
/// request was delivered, and a doctor it went to has received them.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub request: RecordRequestDraft,
    pub moves: Vec<super::CustodyMoveDraft>,
    /// Doctors' existing "needs it" lines that are now received: id,
    /// version read, and the line as it becomes.
    pub received: Vec<(RecordId, i64, super::ItemRecipientDraft)>,
    /// Doctors who had not been listed for an item and now have it.
    pub new_recipients: Vec<super::ItemRecipientDraft>,
}

/// Marks `request` received on `today`, moving each item it asks for
/// from its holder to where the request was delivered.
pub fn receipt(
    case: &super::CaseSnapshot,
    request: &super::RecordRequest,
    today: NaiveDate,
) -> Receipt {
    let destination = match request.deliver_to_doctor {
        Some(doctor) => case.doctor_name(Some(doctor)).to_string(),
        None => case
            .case
            .as_ref()
            .map_or_else(|| "the patient".to_string(), |c| c.patient.clone()),
    };
    let mut receipt = Receipt {
        request: RecordRequestDraft {
            status: RequestStatus::Received,
            ..request.data.clone()
        },
        moves: Vec::new(),
        received: Vec::new(),
        new_recipients: Vec::new(),
    };
    for link in case
        .request_items
        .iter()
        .filter(|l| l.request_id == request.id)
    {
        let Some(item) = case.item(link.item_id) else {
            continue;
        };
        let holder = case.holder(item).to_string();
        if super::text::normalize(&holder) != super::text::normalize(&destination) {
            receipt.moves.push(super::CustodyMoveDraft {
                item_id: item.id,
                from: holder,
                to: destination.clone(),
                moved_on: today,
                method: format!("Received on the request to {}", request.to_whom),
                tracking: String::new(),
                direct: request.deliver_to_doctor.is_some(),
                note: String::new(),
            });
        }
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
                    received_on: Some(today),
                    ..line.data.clone()
                },
            )),
            Some(_) => {}
            None => receipt.new_recipients.push(super::ItemRecipientDraft {
                item_id: item.id,
                doctor_id: doctor,
                received_on: Some(today),
                received_as: super::ReceivedAs::Item,
            }),
        }
    }
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
