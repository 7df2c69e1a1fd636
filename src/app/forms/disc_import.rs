//! The form that starts the import of an imaging disc: where the disc is,
//! and what the family says of it (its name in the case, who has it, the
//! original or a copy). Saving it reads the disc; nothing is written
//! until the preview is confirmed.

use crate::app::form::{Field, Form, FormTarget, Purpose};
use crate::domain::RecordKind;

/// The form, with the places where a disc was found on this computer
/// (`/media/$USER/*` and the like) offered: the first one is filled in,
/// and the others named beside the field.
pub fn form(places: &[String]) -> Form {
    let hint = match places {
        [] => "a disc, a folder copied from one, its DICOMDIR file or a .zip".to_string(),
        [_] => "found on this computer; type another place if it is not the disc".to_string(),
        [_, others @ ..] => format!("also found: {}", others.join(", ")),
    };
    let mut path = Field::line(
        "path",
        "Where the disc is",
        places.first().map_or("", |p| p),
    )
    .placeholder("/media/you/DISC, a folder, a DICOMDIR file or a .zip")
    .required();
    path.hint = Some(hint);
    let fields = vec![
        path,
        Field::line("label", "Name for the disc", "")
            .placeholder("(made from what is on it, e.g. MRI disc from Riverside Imaging)"),
        Field::line("held_by", "Who has the disc now", "").placeholder("(the patient)"),
        Field::toggle("original", "It is the original disc, not a copy", false),
        Field::toggle(
            "another_copy",
            "It is another copy of a disc already in the case",
            false,
        ),
        Field::toggle(
            "link",
            "File studies that match items typed in earlier under those items",
            false,
        ),
    ];
    let mut form = Form::new(
        "Import an imaging disc",
        FormTarget {
            kind: RecordKind::Item,
            editing: None,
        },
        fields,
    )
    .with_defaults();
    form.purpose = Purpose::DiscImport;
    form.focus = 0;
    form
}
