//! The form of each kind of record: its fields, filled from a record when
//! editing, and the draft it becomes when saved. The rules for each value
//! are the domain's (`domain::validate`); this file only lays them out.

use chrono::NaiveDate;

use super::form::{Field, Form, FormTarget, Linked, Pick, Purpose};
use crate::domain::validate::{self, FieldError};
use crate::domain::{
    AnyDraft, CaseDraft, CaseSnapshot, Choice, ConflictStatus, CustodyMoveDraft, DeadlineDraft,
    DeadlineKind, DoctorDraft, FollowUpDraft, ItemDraft, ItemForm, ItemKind, ItemRecipientDraft,
    NoteDraft, OpinionDraft, OpinionForm, QuestionDraft, QuestionStatus, RecordId, RecordKind,
    RecordRef, RecordRequestDraft, RequestStatus, StanceDraft, StanceEntry, TopicDraft,
};

fn choices<T: Choice>() -> Vec<Pick> {
    T::ALL
        .iter()
        .map(|value| Pick::new(value.key(), value.label()))
        .collect()
}

fn doctors(case: &CaseSnapshot, none: Option<&str>) -> Vec<Pick> {
    let mut picks: Vec<Pick> = none.map(|label| Pick::new("", label)).into_iter().collect();
    picks.extend(
        case.doctors
            .iter()
            .map(|d| Pick::new(d.id.to_string(), d.name.clone())),
    );
    picks
}

fn topics(case: &CaseSnapshot, none: Option<&str>) -> Vec<Pick> {
    let mut picks: Vec<Pick> = none.map(|label| Pick::new("", label)).into_iter().collect();
    picks.extend(
        case.topics
            .iter()
            .map(|t| Pick::new(t.id.to_string(), t.name.clone())),
    );
    picks
}

fn items(case: &CaseSnapshot) -> Vec<Pick> {
    case.items
        .iter()
        .map(|i| {
            Pick::new(
                i.id.to_string(),
                format!("{} ({})", i.description, i.kind.label()),
            )
        })
        .collect()
}

fn opinions(case: &CaseSnapshot) -> Vec<Pick> {
    case.opinions
        .iter()
        .map(|o| {
            let doctor = case.doctor_name(Some(o.doctor_id));
            Pick::new(
                o.id.to_string(),
                format!("{doctor}, {}", o.given_on.format("%-d %b %Y")),
            )
        })
        .collect()
}

fn requests(case: &CaseSnapshot) -> Vec<Pick> {
    case.requests
        .iter()
        .map(|r| Pick::new(r.id.to_string(), format!("{}: {}", r.to_whom, r.what)))
        .collect()
}

fn id_key(id: Option<RecordId>) -> String {
    id.map(|id| id.to_string()).unwrap_or_default()
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn target(kind: RecordKind, editing: Option<(RecordId, i64)>) -> FormTarget {
    FormTarget { kind, editing }
}

fn title(kind: RecordKind, editing: bool) -> String {
    let verb = if editing { "Edit" } else { "Add" };
    let what = match kind {
        RecordKind::Case => return format!("{verb} the case"),
        RecordKind::CustodyMove => "custody move",
        RecordKind::ItemRecipient => return "A doctor who needs this item".into(),
        RecordKind::ConflictState => return "The conflict: status and resolution".into(),
        RecordKind::Equivalence => return format!("{verb}: two stances that mean the same"),
        RecordKind::RequestItem => return format!("{verb}: an item this request asks for"),
        other => other.label(),
    };
    if editing {
        format!("{verb} the {what}")
    } else {
        let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{verb} {article} {what}")
    }
}

/// The form for a new record of `kind`. `context` is the record it belongs
/// to, where it has one (the item a move is for, the request a follow-up
/// is about, the opinion and topic of a stance).
pub fn add(
    kind: RecordKind,
    case: &CaseSnapshot,
    today: NaiveDate,
    context: &[RecordRef],
) -> Option<Form> {
    let of = |wanted: RecordKind| context.iter().find(|r| r.kind == wanted).map(|r| r.id);
    let fields = match kind {
        RecordKind::Case => case_fields(&CaseDraft::default()),
        RecordKind::Doctor => doctor_fields(&DoctorDraft::default()),
        RecordKind::Opinion => opinion_fields(
            case,
            &OpinionDraft::new(
                of(RecordKind::Doctor).or(case.doctors.first().map(|d| d.id))?,
                today,
            ),
            None,
        ),
        RecordKind::Topic => topic_fields(&TopicDraft {
            name: String::new(),
            sort_order: case.topics.iter().map(|t| t.sort_order).max().unwrap_or(-1) + 1,
        }),
        RecordKind::Stance => position_fields(
            case,
            &StanceDraft {
                opinion_id: of(RecordKind::Opinion).or(case.opinions.first().map(|o| o.id))?,
                topic_id: of(RecordKind::Topic).or(case.topics.first().map(|t| t.id))?,
                stance: String::new(),
                detail: String::new(),
            },
        ),
        RecordKind::Question => question_fields(
            case,
            &QuestionDraft {
                doctor_id: of(RecordKind::Doctor),
                text: String::new(),
                status: QuestionStatus::Open,
                answer: String::new(),
                asked_on: None,
                answered_on: None,
                topic_id: of(RecordKind::Topic),
                blind_text: String::new(),
                former_doctor: String::new(),
            },
        ),
        RecordKind::Item => item_fields(
            case,
            &ItemDraft {
                kind: ItemKind::Report,
                description: String::new(),
                taken_on: None,
                facility: String::new(),
                form: ItemForm::Paper,
                is_original: false,
                held_by: String::new(),
                copy_of: None,
            },
            None,
        ),
        RecordKind::CustodyMove => {
            let item_id = of(RecordKind::Item).or(case.items.first().map(|i| i.id))?;
            let from = case
                .item(item_id)
                .map(|i| case.holder(i).to_string())
                .unwrap_or_default();
            move_fields(
                case,
                &CustodyMoveDraft {
                    item_id,
                    from,
                    to: String::new(),
                    moved_on: today,
                    method: String::new(),
                    tracking: String::new(),
                    direct: false,
                    note: String::new(),
                },
            )
        }
        RecordKind::ItemRecipient => {
            let item_id = of(RecordKind::Item).or(case.items.first().map(|i| i.id))?;
            // The first doctor not yet listed for the item.
            let listed = |doctor: RecordId| {
                case.item_recipients
                    .iter()
                    .any(|r| r.item_id == item_id && r.doctor_id == doctor)
            };
            let doctor_id = case
                .doctors
                .iter()
                .map(|d| d.id)
                .find(|id| !listed(*id))
                .or(case.doctors.first().map(|d| d.id))?;
            recipient_fields(
                case,
                &ItemRecipientDraft {
                    item_id,
                    doctor_id,
                    received_on: None,
                    received_as: crate::domain::ReceivedAs::Item,
                },
            )
        }
        RecordKind::Request => request_fields(
            case,
            &RecordRequestDraft {
                to_whom: String::new(),
                what: String::new(),
                requested_on: today,
                method: String::new(),
                deliver_to_doctor: None,
                status: RequestStatus::Sent,
                local_limit_days: None,
                extended_on: None,
                received_on: None,
            },
        ),
        RecordKind::FollowUp => follow_up_fields(
            case,
            &FollowUpDraft {
                request_id: of(RecordKind::Request).or(case.requests.first().map(|r| r.id))?,
                on: today,
                by: String::new(),
                said: String::new(),
            },
        ),
        RecordKind::Deadline => deadline_fields(
            case,
            &DeadlineDraft {
                title: String::new(),
                kind: DeadlineKind::Appointment,
                due_on: today,
                doctor_id: None,
                done: false,
                notes: String::new(),
            },
        ),
        RecordKind::Note => note_fields(&NoteDraft {
            on: None,
            body: String::new(),
        }),
        RecordKind::RequestItem => request_item_fields(
            case,
            &crate::domain::RequestItemDraft {
                request_id: of(RecordKind::Request)?,
                item_id: case.items.first().map(|i| i.id)?,
            },
        ),
        RecordKind::Equivalence => {
            let position =
                of(RecordKind::Stance).and_then(|id| case.stances.iter().find(|p| p.id == id))?;
            let stances = row_stances(case, position.topic_id);
            let other = stances.iter().find(|s| **s != position.stance).cloned()?;
            equivalence_fields(
                case,
                &crate::domain::EquivalenceDraft {
                    topic_id: position.topic_id,
                    stance: position.stance.clone(),
                    same_as: other,
                },
            )
        }
        RecordKind::ConflictState => {
            of(RecordKind::Topic)?;
            conflict_fields(&crate::domain::ConflictStateDraft {
                topic_id: 0,
                status: ConflictStatus::Open,
                resolution: String::new(),
            })
        }
    };
    let mut form = Form::new(title(kind, false), target(kind, None), fields).with_defaults();
    if kind == RecordKind::ConflictState {
        form.belongs_to = context
            .iter()
            .find(|r| r.kind == RecordKind::Topic)
            .copied();
    }
    if kind == RecordKind::Note {
        form.belongs_to = context.first().copied();
        form.title = match form.belongs_to {
            Some(on) => format!("Add a note on this {}", on.kind.label()),
            None => "Add a note on the case".into(),
        };
    }
    Some(form)
}

/// The form for changing an existing record, filled with what it holds.
pub fn edit(record: RecordRef, case: &CaseSnapshot) -> Option<Form> {
    macro_rules! stored {
        ($list:expr) => {
            $list.iter().find(|r| r.id == record.id)?
        };
    }
    let (fields, version) = match record.kind {
        RecordKind::Case => {
            let c = case.case.as_ref().filter(|c| c.id == record.id)?;
            (case_fields(c), c.stamp.version)
        }
        RecordKind::Doctor => {
            let r = stored!(case.doctors);
            (doctor_fields(r), r.stamp.version)
        }
        RecordKind::Opinion => {
            let r = stored!(case.opinions);
            let mut form = Form::new(
                title(RecordKind::Opinion, true),
                target(RecordKind::Opinion, Some((r.id, r.stamp.version))),
                opinion_fields(case, r, Some(r.id)),
            );
            form.linked = stance_versions(case, r.id);
            return Some(form);
        }
        RecordKind::Topic => {
            let r = stored!(case.topics);
            (topic_fields(r), r.stamp.version)
        }
        RecordKind::Stance => {
            let r = stored!(case.stances);
            (position_fields(case, r), r.stamp.version)
        }
        RecordKind::Question => {
            let r = stored!(case.questions);
            (question_fields(case, r), r.stamp.version)
        }
        RecordKind::Item => {
            let r = stored!(case.items);
            (item_fields(case, r, Some(r.id)), r.stamp.version)
        }
        RecordKind::CustodyMove => {
            let r = stored!(case.custody_moves);
            (move_fields(case, r), r.stamp.version)
        }
        RecordKind::ItemRecipient => {
            let r = stored!(case.item_recipients);
            (recipient_fields(case, r), r.stamp.version)
        }
        RecordKind::Request => {
            let r = stored!(case.requests);
            (request_fields(case, r), r.stamp.version)
        }
        RecordKind::FollowUp => {
            let r = stored!(case.follow_ups);
            (follow_up_fields(case, r), r.stamp.version)
        }
        RecordKind::Deadline => {
            let r = stored!(case.deadlines);
            (deadline_fields(case, r), r.stamp.version)
        }
        RecordKind::Note => {
            let r = stored!(case.notes);
            let mut form = Form::new(
                title(RecordKind::Note, true),
                target(RecordKind::Note, Some((r.id, r.stamp.version))),
                note_fields(r),
            );
            form.belongs_to = r.on;
            return Some(form);
        }
        RecordKind::ConflictState => {
            let r = stored!(case.conflict_states);
            let mut form = Form::new(
                title(RecordKind::ConflictState, true),
                target(RecordKind::ConflictState, Some((r.id, r.stamp.version))),
                conflict_fields(r),
            );
            form.belongs_to = Some(RecordRef {
                kind: RecordKind::Topic,
                id: r.topic_id,
            });
            return Some(form);
        }
        RecordKind::RequestItem => {
            let r = stored!(case.request_items);
            (request_item_fields(case, r), r.stamp.version)
        }
        RecordKind::Equivalence => {
            let r = stored!(case.equivalences);
            (equivalence_fields(case, r), r.stamp.version)
        }
    };
    Some(Form::new(
        title(record.kind, true),
        target(record.kind, Some((record.id, version))),
        fields,
    ))
}

fn case_fields(c: &CaseDraft) -> Vec<Field> {
    vec![
        Field::line("patient", "Patient", &c.patient)
            .required()
            .placeholder("the patient's full name"),
        Field::text("question", "Question under review", &c.question),
        Field::date("decide_by", "Decide by", &date_text(c.decide_by)),
        Field::line(
            "originals_away_days",
            "Flag originals away from their owner longer than (days)",
            &c.originals_away_days.to_string(),
        ),
    ]
}

fn doctor_fields(d: &DoctorDraft) -> Vec<Field> {
    vec![
        Field::line("name", "Name", &d.name)
            .required()
            .placeholder("e.g. Dr. Helen Park"),
        Field::line("specialty", "Specialty", &d.specialty),
        Field::line("institution", "Institution", &d.institution),
        Field::line("trained_at", "Trained at", &d.trained_at),
        Field::line("contact", "Contact", &d.contact),
        Field::line("network", "Insurance network", &d.network),
    ]
}

/// The key of the stance field of a topic, and of its detail.
fn stance_key(topic_id: RecordId) -> String {
    format!("stance:{topic_id}")
}

fn detail_key(topic_id: RecordId) -> String {
    format!("detail:{topic_id}")
}

/// The stances an opinion holds, with the versions read, for a save over
/// them to catch someone else's change.
fn stance_versions(case: &CaseSnapshot, opinion_id: RecordId) -> Vec<Linked> {
    case.stances
        .iter()
        .filter(|p| p.opinion_id == opinion_id)
        .map(|p| Linked {
            key: p.topic_id.to_string(),
            record: RecordRef {
                kind: RecordKind::Stance,
                id: p.id,
            },
            version: p.stamp.version,
        })
        .collect()
}

/// The opinion's own fields, then a stance and its detail for every topic
/// of the case: what this doctor says on each, in a few words that the
/// grid compares. `stored` is the opinion being changed, whose stances
/// fill them.
fn opinion_fields(case: &CaseSnapshot, o: &OpinionDraft, stored: Option<RecordId>) -> Vec<Field> {
    let mut fields = vec![
        Field::choice(
            "doctor",
            "Doctor",
            doctors(case, None),
            &o.doctor_id.to_string(),
        )
        .required(),
        Field::date("given_on", "Date", &o.given_on.to_string()).required(),
        Field::choice("form", "Form", choices::<OpinionForm>(), o.form.key()),
        Field::text("diagnosis", "Diagnosis", &o.diagnosis),
        Field::text("recommendation", "Recommendation", &o.recommendation),
    ];
    for (n, topic) in case.topics.iter().enumerate() {
        let held = stored.and_then(|opinion_id| {
            case.stances
                .iter()
                .find(|p| p.opinion_id == opinion_id && p.topic_id == topic.id)
        });
        let mut stance = Field::line(
            &stance_key(topic.id),
            &format!("{}: stance", topic.name),
            held.map_or("", |p| p.stance.as_str()),
        )
        .placeholder("a few words, compared with the other doctors' (empty: none)");
        if n == 0 {
            stance = stance.under(
                "What this doctor says on each topic: the Conflicts grid (3) lines these up",
            );
        }
        fields.push(stance);
        fields.push(
            Field::line(
                &detail_key(topic.id),
                &format!("{}: why, or more detail", topic.name),
                held.map_or("", |p| p.detail.as_str()),
            )
            .placeholder("optional"),
        );
    }
    fields.extend([
        Field::line("urgency", "Urgency", &o.urgency),
        Field::toggle(
            "saw_originals",
            "Saw the original scans and slides",
            o.saw_originals,
        ),
        Field::toggle("knew_prior", "Knew the earlier diagnosis", o.knew_prior),
        Field::line("cost", "Cost", &o.cost),
        Field::line("coverage", "Coverage", &o.coverage),
        Field::text("notes", "Doctor's remarks", &o.notes),
    ]);
    fields
}

fn topic_fields(t: &TopicDraft) -> Vec<Field> {
    vec![
        Field::line("name", "Topic", &t.name).required(),
        Field::line("sort_order", "Place in the grid", &t.sort_order.to_string()),
    ]
}

fn position_fields(case: &CaseSnapshot, p: &StanceDraft) -> Vec<Field> {
    vec![
        Field::line("stance", "Stance (a few words)", &p.stance).required(),
        Field::text("detail", "Detail", &p.detail),
        Field::choice(
            "opinion",
            "Opinion",
            opinions(case),
            &p.opinion_id.to_string(),
        ),
        Field::choice(
            "topic",
            "Topic",
            topics(case, None),
            &p.topic_id.to_string(),
        ),
    ]
}

fn question_fields(case: &CaseSnapshot, q: &QuestionDraft) -> Vec<Field> {
    // A question whose doctor was removed stays hers until another doctor
    // is chosen (the store keeps her name).
    let nobody = if q.doctor_id.is_none() {
        case.asked_of(q)
    } else {
        "any doctor".to_string()
    };
    vec![
        Field::choice(
            "doctor",
            "For",
            doctors(case, Some(&nobody)),
            &id_key(q.doctor_id),
        )
        .context(),
        Field::text("text", "Question", &q.text).required(),
        Field::choice(
            "status",
            "Status",
            choices::<QuestionStatus>(),
            q.status.key(),
        ),
        Field::text("answer", "Answer", &q.answer),
        Field::date("asked_on", "Asked on", &date_text(q.asked_on)),
        Field::date("answered_on", "Answered on", &date_text(q.answered_on)),
        Field::choice(
            "topic",
            "About",
            topics(case, Some("no topic")),
            &id_key(q.topic_id),
        ),
    ]
}

fn item_fields(case: &CaseSnapshot, i: &ItemDraft, editing: Option<RecordId>) -> Vec<Field> {
    let mut copies: Vec<Pick> = vec![Pick::new("", "nothing: it is not a copy of another item")];
    copies.extend(
        items(case)
            .into_iter()
            .filter(|p| Some(p.key.as_str()) != editing.map(|id| id.to_string()).as_deref()),
    );
    vec![
        Field::line("description", "Description", &i.description).required(),
        Field::choice("kind", "Kind", choices::<ItemKind>(), i.kind.key()),
        Field::choice("form", "Form", choices::<ItemForm>(), i.form.key()),
        Field::toggle("is_original", "Original (not a copy)", i.is_original),
        Field::date("taken_on", "Taken on", &date_text(i.taken_on)),
        Field::line("facility", "Made by (facility)", &i.facility),
        Field::line("held_by", "Held by, before any move", &i.held_by),
        Field::choice("copy_of", "A copy of", copies, &id_key(i.copy_of)),
    ]
}

fn move_fields(case: &CaseSnapshot, m: &CustodyMoveDraft) -> Vec<Field> {
    vec![
        Field::choice("item", "Item", items(case), &m.item_id.to_string()).context(),
        Field::line("from", "From", &m.from),
        Field::line("to", "To", &m.to).required(),
        Field::date("moved_on", "Date", &m.moved_on.to_string()).required(),
        Field::line("method", "Method", &m.method),
        Field::line("tracking", "Tracking number", &m.tracking),
        Field::toggle(
            "direct",
            "Sent straight from the lab to the doctor",
            m.direct,
        ),
        Field::text("note", "Note", &m.note),
    ]
}

fn recipient_fields(case: &CaseSnapshot, r: &ItemRecipientDraft) -> Vec<Field> {
    vec![
        Field::choice("item", "Item", items(case), &r.item_id.to_string()).context(),
        Field::choice(
            "doctor",
            "Doctor who needs it",
            doctors(case, None),
            &r.doctor_id.to_string(),
        ),
        Field::date(
            "received_on",
            "Received on (empty while waiting)",
            &date_text(r.received_on),
        ),
        Field::choice(
            "received_as",
            "What reached the doctor",
            choices::<crate::domain::ReceivedAs>(),
            r.received_as.key(),
        ),
    ]
}

fn request_fields(case: &CaseSnapshot, r: &RecordRequestDraft) -> Vec<Field> {
    vec![
        Field::line("to_whom", "To", &r.to_whom).required(),
        Field::text("what", "What is asked for", &r.what).required(),
        Field::date("requested_on", "Requested on", &r.requested_on.to_string()).required(),
        Field::line("method", "Method", &r.method),
        Field::choice(
            "deliver_to",
            "Deliver to",
            doctors(case, Some("the patient")),
            &id_key(r.deliver_to_doctor),
        ),
        Field::choice(
            "status",
            "Status",
            choices::<RequestStatus>(),
            r.status.key(),
        ),
        Field::line(
            "local_limit_days",
            "Shorter local limit, in days",
            &r.local_limit_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        Field::date(
            "extended_on",
            "Extended in writing on",
            &date_text(r.extended_on),
        ),
        Field::date(
            "received_on",
            "Received on (empty while waiting)",
            &date_text(r.received_on),
        ),
    ]
}

fn follow_up_fields(case: &CaseSnapshot, f: &FollowUpDraft) -> Vec<Field> {
    vec![
        Field::text("said", "What was said", &f.said).required(),
        Field::date("on", "Date", &f.on.to_string()).required(),
        Field::line("by", "Who followed up", &f.by),
        Field::choice(
            "request",
            "Request",
            requests(case),
            &f.request_id.to_string(),
        ),
    ]
}

fn deadline_fields(case: &CaseSnapshot, d: &DeadlineDraft) -> Vec<Field> {
    let kinds: Vec<Pick> = choices::<DeadlineKind>()
        .into_iter()
        .filter(|p| p.key != DeadlineKind::RequestDue.key())
        .collect();
    vec![
        Field::line("title", "What", &d.title).required(),
        Field::date("due_on", "Date", &d.due_on.to_string()).required(),
        Field::choice("kind", "Kind", kinds, d.kind.key()),
        Field::choice(
            "doctor",
            "With",
            doctors(case, Some("no doctor")),
            &id_key(d.doctor_id),
        ),
        Field::toggle("done", "Done", d.done),
        Field::text("notes", "Notes", &d.notes),
    ]
}

fn conflict_fields(c: &crate::domain::ConflictStateDraft) -> Vec<Field> {
    vec![
        Field::choice(
            "status",
            "Status",
            choices::<ConflictStatus>(),
            c.status.key(),
        ),
        Field::text(
            "resolution",
            "Resolution: what was decided, or what is being done",
            &c.resolution,
        ),
    ]
}

/// The different stances the opinions take on a topic, one for each way of
/// saying it, in the grid's order.
fn row_stances(case: &CaseSnapshot, topic_id: RecordId) -> Vec<String> {
    let mut stances: Vec<String> = Vec::new();
    let grid = crate::domain::conflict::StanceGrid::build(
        &case.topics,
        &case.opinions,
        &case.stances,
        &[],
    );
    if let Some(row) = grid.rows.iter().find(|r| r.topic_id == topic_id) {
        for cell in row.cells.iter().flatten() {
            if !stances.iter().any(|s| {
                crate::domain::text::normalize(s) == crate::domain::text::normalize(&cell.stance)
            }) {
                stances.push(cell.stance.clone());
            }
        }
    }
    stances
}

fn equivalence_fields(case: &CaseSnapshot, e: &crate::domain::EquivalenceDraft) -> Vec<Field> {
    let mut stances = row_stances(case, e.topic_id);
    for stance in [&e.stance, &e.same_as] {
        if !stances.contains(stance) {
            stances.push(stance.clone());
        }
    }
    let picks: Vec<Pick> = stances
        .iter()
        .map(|s| Pick::new(s.clone(), s.clone()))
        .collect();
    let topic: Vec<Pick> = topics(case, None)
        .into_iter()
        .filter(|p| p.key == e.topic_id.to_string())
        .collect();
    vec![
        Field::choice("stance", "This stance", picks.clone(), &e.stance),
        Field::choice("same_as", "means the same as", picks, &e.same_as),
        Field::choice("topic", "On the topic", topic, &e.topic_id.to_string()),
    ]
}

fn request_item_fields(case: &CaseSnapshot, r: &crate::domain::RequestItemDraft) -> Vec<Field> {
    vec![
        Field::choice(
            "item",
            "Item asked for",
            items(case),
            &r.item_id.to_string(),
        ),
        Field::choice(
            "request",
            "Request",
            requests(case),
            &r.request_id.to_string(),
        ),
    ]
}

fn note_fields(n: &NoteDraft) -> Vec<Field> {
    vec![Field::text("body", "Note", &n.body).required()]
}

/// Reads a form's values through the domain's rules, gathering every
/// field's error instead of stopping at the first.
struct Reader<'a> {
    form: &'a Form,
    today: NaiveDate,
    errors: Vec<(String, FieldError)>,
}

impl Reader<'_> {
    fn label(&self, key: &str) -> String {
        self.form
            .fields
            .iter()
            .find(|f| f.key == key)
            .map_or_else(|| key.to_string(), |f| f.label.clone())
    }

    fn fail<T: Default>(&mut self, key: &str, error: FieldError) -> T {
        self.errors.push((key.to_string(), error));
        T::default()
    }

    fn text(&self, key: &str) -> String {
        self.form.value(key).trim().to_string()
    }

    fn required(&mut self, key: &str) -> String {
        match validate::required(&self.label(key), &self.form.value(key)) {
            Ok(text) => text,
            Err(error) => self.fail(key, error),
        }
    }

    fn date(&mut self, key: &str) -> NaiveDate {
        match validate::date(&self.label(key), &self.form.value(key), self.today) {
            Ok(date) => date,
            Err(error) => {
                self.errors.push((key.to_string(), error));
                self.today
            }
        }
    }

    fn optional_date(&mut self, key: &str) -> Option<NaiveDate> {
        match validate::optional_date(&self.form.value(key), self.today) {
            Ok(date) => date,
            Err(error) => self.fail(key, error),
        }
    }

    /// A date that cannot be later than today (when something came).
    fn past_date(&mut self, key: &str) -> NaiveDate {
        let date = self.date(key);
        if date > self.today {
            self.errors.push((
                key.to_string(),
                format!(
                    "{} cannot be after today ({}): type the day it happened",
                    self.label(key),
                    self.today.format("%-d %b %Y")
                ),
            ));
        }
        date
    }

    fn choice<T: Choice>(&mut self, key: &str) -> Option<T> {
        T::from_key(&self.form.value(key))
    }

    fn id(&mut self, key: &str) -> Option<RecordId> {
        self.form.value(key).parse().ok()
    }

    fn required_id(&mut self, key: &str) -> RecordId {
        match self.id(key) {
            Some(id) => id,
            None => {
                let error = format!("{} is required: add one first", self.label(key));
                self.fail(key, error)
            }
        }
    }

    fn toggle(&self, key: &str) -> bool {
        self.form.value(key) == "yes"
    }
}

/// What saving a form writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Saving {
    /// One record, added or saved over the one the form edits.
    Record(AnyDraft),
    /// An opinion with its stance on each topic, in one save.
    Opinion {
        opinion: OpinionDraft,
        stances: Vec<StanceEntry>,
    },
    /// A record request answered, and what came of each item.
    Receipt(Box<crate::domain::request::Receipt>),
}

/// What a form saves, or every field's error. `author` is who is writing,
/// for the records a form writes in their name (a receipt's follow-up).
pub fn draft(
    form: &Form,
    case: &CaseSnapshot,
    today: NaiveDate,
    author: &str,
) -> Result<Saving, Vec<(String, FieldError)>> {
    let mut r = Reader {
        form,
        today,
        errors: Vec::new(),
    };
    let saving = match form.purpose {
        Purpose::Record => match form.target.kind {
            RecordKind::Opinion => {
                let opinion = opinion_draft(&mut r);
                let stances = stance_entries(&mut r, case);
                Saving::Opinion { opinion, stances }
            }
            _ => Saving::Record(record_draft(&mut r, case, today)),
        },
        Purpose::Extension => match extension_draft(&mut r, case) {
            Some(draft) => Saving::Record(AnyDraft::Request(draft)),
            None => return Err(gone()),
        },
        Purpose::Receipt => match receipt_draft(&mut r, case, author) {
            Some(receipt) => Saving::Receipt(Box::new(receipt)),
            None => return Err(gone()),
        },
    };
    if r.errors.is_empty() {
        Ok(saving)
    } else {
        Err(r.errors)
    }
}

/// The error of a form whose record is no longer in the case.
fn gone() -> Vec<(String, FieldError)> {
    vec![(
        String::new(),
        "This record is no longer in the case: Esc closes the form".into(),
    )]
}

fn opinion_draft(r: &mut Reader<'_>) -> OpinionDraft {
    OpinionDraft {
        doctor_id: r.required_id("doctor"),
        given_on: r.date("given_on"),
        form: r.choice("form").unwrap_or(OpinionForm::Visit),
        diagnosis: r.text("diagnosis"),
        recommendation: r.text("recommendation"),
        urgency: r.text("urgency"),
        saw_originals: r.toggle("saw_originals"),
        knew_prior: r.toggle("knew_prior"),
        cost: r.text("cost"),
        coverage: r.text("coverage"),
        notes: r.text("notes"),
    }
}

/// The stance typed for each topic, with the stored one it changes.
fn stance_entries(r: &mut Reader<'_>, case: &CaseSnapshot) -> Vec<StanceEntry> {
    let mut entries = Vec::new();
    for topic in &case.topics {
        let stance_key = stance_key(topic.id);
        if !r.form.fields.iter().any(|f| f.key == stance_key) {
            // A topic added since the form opened has no field here.
            continue;
        }
        let stance = r.text(&stance_key);
        let detail = r.text(&detail_key(topic.id));
        if stance.is_empty() && !detail.is_empty() {
            r.errors.push((
                stance_key.clone(),
                "Write the stance in a few words first (the detail explains it), or empty the detail"
                    .into(),
            ));
        }
        let stored = r
            .form
            .linked
            .iter()
            .find(|l| l.key == topic.id.to_string() && l.record.kind == RecordKind::Stance)
            .map(|l| (l.record.id, l.version));
        entries.push(StanceEntry {
            topic_id: topic.id,
            stance,
            detail,
            stored,
        });
    }
    entries
}

/// The request with its written extension, noticed on the day typed.
fn extension_draft(r: &mut Reader<'_>, case: &CaseSnapshot) -> Option<RecordRequestDraft> {
    let (id, _) = r.form.target.editing?;
    let request = case.requests.iter().find(|q| q.id == id)?;
    let noticed = r.past_date("extended_on");
    Some(RecordRequestDraft {
        status: RequestStatus::Extended,
        extended_on: Some(noticed),
        ..request.data.clone()
    })
}

/// The key of the field that says what came of an item.
fn arrival_key(item_id: RecordId) -> String {
    format!("arrival:{item_id}")
}

fn arrival_picks() -> Vec<Pick> {
    vec![
        Pick::new("copy", "a new copy came"),
        Pick::new("original", "the original came"),
        Pick::new("missing", "not in this delivery"),
    ]
}

/// The request answered on the day typed, with what came of each item.
fn receipt_draft(
    r: &mut Reader<'_>,
    case: &CaseSnapshot,
    author: &str,
) -> Option<crate::domain::request::Receipt> {
    use crate::domain::request::Arrival;
    let (id, _) = r.form.target.editing?;
    let request = case.requests.iter().find(|q| q.id == id)?;
    let on = r.past_date("received_on");
    let arrivals: Vec<(RecordId, Arrival)> = case
        .request_items
        .iter()
        .filter(|l| l.request_id == id)
        .filter_map(|l| {
            let arrival = match r.form.value(&arrival_key(l.item_id)).as_str() {
                "original" => Arrival::Original,
                "missing" => Arrival::Missing,
                "copy" => Arrival::NewCopy,
                _ => return None,
            };
            Some((l.item_id, arrival))
        })
        .collect();
    Some(crate::domain::request::receipt(
        case, request, on, author, &arrivals,
    ))
}

/// The draft of any record kind whose form is its own fields.
fn record_draft(r: &mut Reader<'_>, case: &CaseSnapshot, today: NaiveDate) -> AnyDraft {
    let form = r.form;
    match form.target.kind {
        RecordKind::Case => AnyDraft::Case(CaseDraft {
            patient: r.required("patient"),
            question: r.text("question"),
            decide_by: r.optional_date("decide_by"),
            // Whether the case is the demo is kept by the store, not typed.
            is_demo: false,
            originals_away_days: match validate::optional_days(&r.text("originals_away_days")) {
                Ok(days) => days.unwrap_or(crate::domain::DEFAULT_ORIGINALS_AWAY_DAYS),
                Err(error) => r.fail("originals_away_days", error),
            },
        }),
        RecordKind::Doctor => AnyDraft::Doctor(DoctorDraft {
            name: r.required("name"),
            specialty: r.text("specialty"),
            institution: r.text("institution"),
            trained_at: r.text("trained_at"),
            contact: r.text("contact"),
            network: r.text("network"),
        }),
        RecordKind::Opinion => AnyDraft::Opinion(opinion_draft(r)),
        RecordKind::Topic => {
            let name = r.required("name");
            let sort_order = match validate::whole_number(&r.text("sort_order")) {
                Ok(order) => order,
                Err(error) => r.fail("sort_order", error),
            };
            AnyDraft::Topic(TopicDraft { name, sort_order })
        }
        RecordKind::Stance => AnyDraft::Stance(StanceDraft {
            opinion_id: r.required_id("opinion"),
            topic_id: r.required_id("topic"),
            stance: r.required("stance"),
            detail: r.text("detail"),
        }),
        RecordKind::Question => {
            let mut question = QuestionDraft {
                doctor_id: r.id("doctor"),
                text: r.required("text"),
                status: r.choice("status").unwrap_or(QuestionStatus::Open),
                answer: r.text("answer"),
                asked_on: r.optional_date("asked_on"),
                answered_on: r.optional_date("answered_on"),
                topic_id: r.id("topic"),
                blind_text: String::new(),
                former_doctor: String::new(),
            };
            let answer_before = r
                .form
                .target
                .editing
                .and_then(|(id, _)| case.questions.iter().find(|q| q.id == id))
                .map(|q| q.answer.as_str())
                .unwrap_or_default();
            question.settle(answer_before, today);
            if question.status == QuestionStatus::Answered && question.answer.trim().is_empty() {
                r.errors.push((
                    "answer".into(),
                    "An answered question needs its answer: write it here, or choose asked".into(),
                ));
            }
            AnyDraft::Question(question)
        }
        RecordKind::Item => {
            let mut item = ItemDraft {
                kind: r.choice("kind").unwrap_or(ItemKind::Report),
                description: r.required("description"),
                taken_on: r.optional_date("taken_on"),
                facility: r.text("facility"),
                form: r.choice("form").unwrap_or(ItemForm::Paper),
                is_original: r.toggle("is_original"),
                held_by: r.text("held_by"),
                copy_of: r.id("copy_of"),
            };
            item.settle();
            AnyDraft::Item(item)
        }
        RecordKind::CustodyMove => AnyDraft::CustodyMove(CustodyMoveDraft {
            item_id: r.required_id("item"),
            from: r.text("from"),
            to: r.required("to"),
            moved_on: r.date("moved_on"),
            method: r.text("method"),
            tracking: r.text("tracking"),
            direct: r.toggle("direct"),
            note: r.text("note"),
        }),
        RecordKind::ItemRecipient => AnyDraft::ItemRecipient(ItemRecipientDraft {
            item_id: r.required_id("item"),
            doctor_id: r.required_id("doctor"),
            received_on: r.optional_date("received_on"),
            received_as: r.choice("received_as").unwrap_or_default(),
        }),
        RecordKind::Request => {
            let local = match validate::optional_days(&r.text("local_limit_days")) {
                Ok(days) => days,
                Err(error) => r.fail("local_limit_days", error),
            };
            AnyDraft::Request(RecordRequestDraft {
                to_whom: r.required("to_whom"),
                what: r.required("what"),
                requested_on: r.date("requested_on"),
                method: r.text("method"),
                deliver_to_doctor: r.id("deliver_to"),
                status: r.choice("status").unwrap_or(RequestStatus::Sent),
                local_limit_days: local,
                extended_on: r.optional_date("extended_on"),
                received_on: r.optional_date("received_on"),
            })
        }
        RecordKind::FollowUp => AnyDraft::FollowUp(FollowUpDraft {
            request_id: r.required_id("request"),
            on: r.date("on"),
            by: r.text("by"),
            said: r.required("said"),
        }),
        RecordKind::Deadline => AnyDraft::Deadline(DeadlineDraft {
            title: r.required("title"),
            kind: r.choice("kind").unwrap_or(DeadlineKind::Custom),
            due_on: r.date("due_on"),
            doctor_id: r.id("doctor"),
            done: r.toggle("done"),
            notes: r.text("notes"),
        }),
        RecordKind::Note => AnyDraft::Note(NoteDraft {
            on: form.belongs_to,
            body: r.required("body"),
        }),
        RecordKind::RequestItem => AnyDraft::RequestItem(crate::domain::RequestItemDraft {
            request_id: r.required_id("request"),
            item_id: r.required_id("item"),
        }),
        RecordKind::Equivalence => {
            let stance = r.text("stance");
            let same_as = r.text("same_as");
            if crate::domain::text::normalize(&stance) == crate::domain::text::normalize(&same_as) {
                r.errors.push((
                    "same_as".into(),
                    "Choose a different stance: these two are already the same".into(),
                ));
            }
            AnyDraft::Equivalence(crate::domain::EquivalenceDraft {
                topic_id: r.required_id("topic"),
                stance,
                same_as,
            })
        }
        RecordKind::ConflictState => AnyDraft::ConflictState(crate::domain::ConflictStateDraft {
            topic_id: form.belongs_to.map_or(0, |topic| topic.id),
            status: r.choice("status").unwrap_or(ConflictStatus::Open),
            resolution: r.text("resolution"),
        }),
    }
}

/// The form of a request's written extension: the day the notice came,
/// and the new due date it gives, shown before it is saved.
pub fn extension(case: &CaseSnapshot, request_id: RecordId, today: NaiveDate) -> Option<Form> {
    let request = case.requests.iter().find(|r| r.id == request_id)?;
    let noticed = request.extended_on.unwrap_or(today);
    let mut form = Form::new(
        format!(
            "The written extension of the request to {}",
            crate::domain::text::inert(&request.to_whom)
        ),
        target(
            RecordKind::Request,
            Some((request.id, request.stamp.version)),
        ),
        vec![
            Field::date(
                "extended_on",
                "The written notice came on",
                &noticed.to_string(),
            )
            .required(),
        ],
    )
    .with_defaults();
    form.purpose = Purpose::Extension;
    refresh(&mut form, case, today);
    Some(form)
}

/// The form of a request answered: the day it came, and for each item it
/// asked for, whether the original came or a new copy.
pub fn receipt(case: &CaseSnapshot, request_id: RecordId, today: NaiveDate) -> Option<Form> {
    let request = case.requests.iter().find(|r| r.id == request_id)?;
    let mut fields = vec![Field::date("received_on", "It came on", &today.to_string()).required()];
    let destination = crate::domain::request::destination(case, request);
    for link in case
        .request_items
        .iter()
        .filter(|l| l.request_id == request.id)
    {
        let Some(item) = case.item(link.item_id) else {
            continue;
        };
        let suggested = match crate::domain::request::likely_arrival(item) {
            crate::domain::request::Arrival::Original => "original",
            _ => "copy",
        };
        let mut field = Field::choice(
            &arrival_key(item.id),
            &format!("{} (now with {})", item.description, case.holder(item)),
            arrival_picks(),
            suggested,
        );
        if fields.len() == 1 {
            field = field.under(&format!(
                "What came, delivered to {destination}: an original moves there; a new copy becomes an item of its own"
            ));
        }
        fields.push(field);
    }
    let mut form = Form::new(
        format!(
            "The answer to the request to {}",
            crate::domain::text::inert(&request.to_whom)
        ),
        target(
            RecordKind::Request,
            Some((request.id, request.stamp.version)),
        ),
        fields,
    )
    .with_defaults();
    form.purpose = Purpose::Receipt;
    refresh(&mut form, case, today);
    Some(form)
}

/// What saving will do, for the forms that say it first.
fn preview(form: &Form, case: &CaseSnapshot, today: NaiveDate) -> Vec<String> {
    let Some((id, _)) = form.target.editing else {
        return Vec::new();
    };
    let Some(request) = case.requests.iter().find(|r| r.id == id) else {
        return Vec::new();
    };
    let day = |d: NaiveDate| d.format("%a %-d %b %Y").to_string();
    match form.purpose {
        Purpose::Record => Vec::new(),
        Purpose::Extension => {
            let Ok(Some(noticed)) = validate::optional_date(&form.value("extended_on"), today)
            else {
                return vec!["Type the day the notice came to see the new due date".into()];
            };
            let extended = RecordRequestDraft {
                status: RequestStatus::Extended,
                extended_on: Some(noticed),
                ..request.data.clone()
            };
            let mut lines = Vec::new();
            if extended.extension_counts() {
                lines.push(format!(
                    "New due date: {} (60 days after the request of {}, instead of {})",
                    day(extended.due_by()),
                    day(request.requested_on),
                    day(request.first_due_by())
                ));
            } else {
                lines.push(format!(
                    "⚠ This notice came after the provider's 30 days ran out on {}: it is recorded, \
                     but it does not give more time, and the request stays due on {}{}",
                    day(extended.extension_deadline()),
                    day(extended.due_by()),
                    if extended.is_overdue(today) {
                        " (overdue)"
                    } else {
                        ""
                    }
                ));
            }
            let decide_by = case.case.as_ref().and_then(|c| c.decide_by);
            if let Some(decide_by) = decide_by.filter(|_| extended.due_after(decide_by)) {
                lines.push(format!(
                    "⚠ That is after your decision date, {}: ask for the records sooner, or move the decision date",
                    day(decide_by)
                ));
            }
            lines
        }
        Purpose::Receipt => {
            let items = form
                .fields
                .iter()
                .filter(|f| f.key.starts_with("arrival:"))
                .count();
            let copies = form
                .fields
                .iter()
                .filter(|f| f.key.starts_with("arrival:") && f.value() == "copy")
                .count();
            let mut lines = vec![format!(
                "Saving marks the request received and adds a line to its follow-ups{}",
                if items == 0 {
                    ": it asked for no item in the Imaging pane (i links one)".to_string()
                } else {
                    String::new()
                }
            )];
            if copies > 0 {
                lines.push(format!(
                    "{copies} new cop{} will be added to Imaging, held by {}",
                    if copies == 1 { "y" } else { "ies" },
                    crate::domain::request::destination(case, request)
                ));
            }
            lines
        }
    }
}

/// Works out again what the form shows beside its fields: the dates
/// understood, and what saving will do.
pub fn refresh(form: &mut Form, case: &CaseSnapshot, today: NaiveDate) {
    date_hints(form, today);
    form.preview = preview(form, case, today);
}

/// What each date field was understood as, for the hint beside it.
pub fn date_hints(form: &mut Form, today: NaiveDate) {
    for field in &mut form.fields {
        if matches!(field.input, super::form::FieldInput::Date) {
            let text = field.value();
            field.hint = if text.trim().is_empty() {
                None
            } else {
                Some(match validate::optional_date(&text, today) {
                    Ok(Some(date)) => format!("= {}", date.format("%a %-d %b %Y")),
                    _ => "not a date yet".to_string(),
                })
            };
        }
    }
}

/// A form kept when casefile stopped, opened again with what was typed.
/// An edit keeps the version it was opened on, so a change someone else
/// saved since is still caught.
pub fn restore(
    draft: &super::form::FormDraft,
    case: &CaseSnapshot,
    today: NaiveDate,
) -> Option<Form> {
    let mut form = match (draft.purpose, draft.editing) {
        (Purpose::Extension, Some((id, _))) => extension(case, id, today)?,
        (Purpose::Receipt, Some((id, _))) => receipt(case, id, today)?,
        (Purpose::Extension | Purpose::Receipt, None) => return None,
        (Purpose::Record, Some((id, _))) => edit(
            RecordRef {
                kind: draft.kind,
                id,
            },
            case,
        )?,
        (Purpose::Record, None) => add(
            draft.kind,
            case,
            today,
            &draft.belongs_to.into_iter().collect::<Vec<_>>(),
        )?,
    };
    // An edit keeps the versions it was opened on.
    if let Some((id, version)) = draft.editing {
        form.target.editing = Some((id, version));
        form.linked = draft.linked.clone();
    }
    form.belongs_to = draft.belongs_to;
    form.title = draft.title.clone();
    form.restore_values(&draft.values);
    refresh(&mut form, case, today);
    Some(form)
}
