//! The care team, and the independence check for second opinions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::same_words;
use super::{Doctor, Opinion, RecordId};

/// A doctor on the care team.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DoctorDraft {
    pub name: String,
    pub specialty: String,
    pub institution: String,
    /// Where the doctor trained (residency or fellowship hospital).
    pub trained_at: String,
    /// Phone, email or address, as the family wrote it.
    pub contact: String,
    /// The insurance network the doctor is in, if known.
    pub network: String,
}

/// Why a doctor's opinion may not be independent of an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndependenceWarning {
    pub doctor_id: RecordId,
    pub earlier_doctor_id: RecordId,
    pub shared: SharedGround,
    /// The institution or training hospital they share, as written.
    pub place: String,
}

/// What two doctors have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedGround {
    Institution,
    Training,
}

/// Doctors who share an institution or a training hospital with a doctor
/// who gave an opinion earlier. Advice for a second opinion is to go to a
/// different institution, to a doctor trained elsewhere.
///
/// A doctor's place in time is the date of their first opinion; a doctor
/// with no opinion yet counts as coming after everyone who has given one.
pub fn independence_warnings(doctors: &[Doctor], opinions: &[Opinion]) -> Vec<IndependenceWarning> {
    let first_opinion = |id: RecordId| -> Option<NaiveDate> {
        opinions
            .iter()
            .filter(|opinion| opinion.doctor_id == id)
            .map(|opinion| opinion.given_on)
            .min()
    };
    let mut warnings = Vec::new();
    for later in doctors {
        let later_first = first_opinion(later.id);
        for earlier in doctors.iter().filter(|d| d.id != later.id) {
            let Some(earlier_first) = first_opinion(earlier.id) else {
                continue;
            };
            let came_after = match later_first {
                None => true,
                Some(date) => (date, later.id) > (earlier_first, earlier.id),
            };
            if !came_after {
                continue;
            }
            if same_words(&later.institution, &earlier.institution) {
                warnings.push(IndependenceWarning {
                    doctor_id: later.id,
                    earlier_doctor_id: earlier.id,
                    shared: SharedGround::Institution,
                    place: later.institution.clone(),
                });
            }
            if same_words(&later.trained_at, &earlier.trained_at) {
                warnings.push(IndependenceWarning {
                    doctor_id: later.id,
                    earlier_doctor_id: earlier.id,
                    shared: SharedGround::Training,
                    place: later.trained_at.clone(),
                });
            }
        }
    }
    warnings
}
