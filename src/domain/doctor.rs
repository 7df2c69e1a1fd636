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
    let mut firsts: std::collections::HashMap<RecordId, NaiveDate> = Default::default();
    for opinion in opinions {
        let first = firsts.entry(opinion.doctor_id).or_insert(opinion.given_on);
        *first = (*first).min(opinion.given_on);
    }
    let first_opinion = |id: RecordId| firsts.get(&id).copied();
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::OpinionDraft;

    use crate::domain::record::test_record as stored;

    fn doctor(id: RecordId, institution: &str, trained_at: &str) -> Doctor {
        stored(
            id,
            DoctorDraft {
                name: format!("Dr. {id}"),
                institution: institution.into(),
                trained_at: trained_at.into(),
                ..DoctorDraft::default()
            },
        )
    }

    fn opinion(id: RecordId, doctor_id: RecordId, day: u32) -> Opinion {
        let date = NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default();
        stored(id, OpinionDraft::new(doctor_id, date))
    }

    #[test]
    fn a_later_doctor_at_the_same_institution_or_trained_at_the_same_hospital_is_warned() {
        let doctors = [
            doctor(1, "Riverside Medical Center", "Riverside University"),
            doctor(2, "Lakeshore Institute", "riverside university."),
            doctor(3, "riverside medical center", "Harbor General"),
            doctor(4, "Northgate", "Harbor General"),
        ];
        let opinions = [opinion(1, 1, 1), opinion(2, 2, 5), opinion(3, 3, 9)];
        let warnings = independence_warnings(&doctors, &opinions);
        let found: Vec<(RecordId, RecordId, SharedGround)> = warnings
            .iter()
            .map(|w| (w.doctor_id, w.earlier_doctor_id, w.shared))
            .collect();
        assert_eq!(
            found,
            [
                (2, 1, SharedGround::Training),
                (3, 1, SharedGround::Institution),
                // Dr. 4 has given no opinion yet: compared with all who have.
                (4, 3, SharedGround::Training),
            ]
        );
    }

    #[test]
    fn the_first_opinion_is_never_warned_and_empty_places_never_match() {
        let doctors = [doctor(1, "", ""), doctor(2, "", "")];
        let opinions = [opinion(1, 1, 1), opinion(2, 2, 5)];
        assert!(independence_warnings(&doctors, &opinions).is_empty());
    }
}
