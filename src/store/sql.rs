//! How domain values are stored in SQLite columns.

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, Value, ValueRef};

use crate::domain::{
    Choice, ConflictStatus, DeadlineKind, FactorSide, ItemForm, ItemKind, OpinionForm, Pressure,
    QuestionStatus, ReceivedAs, RecordKind, RequestStatus, Support,
};

/// Stores each choice as its key, and refuses keys it does not know.
macro_rules! choice_columns {
    ($($choice:ty),+ $(,)?) => {$(
        impl ToSql for $choice {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.key()))
            }
        }

        impl FromSql for $choice {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let key = value.as_str()?;
                <$choice>::from_key(key).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} '{}'", stringify!($choice), key).into())
                })
            }
        }
    )+};
}

choice_columns!(
    ConflictStatus,
    DeadlineKind,
    FactorSide,
    ItemForm,
    ItemKind,
    OpinionForm,
    Pressure,
    QuestionStatus,
    ReceivedAs,
    RecordKind,
    RequestStatus,
    Support,
);

/// An owned column value, for the generic insert and update.
pub fn value<T: ToSql + ?Sized>(field: &T) -> rusqlite::Result<Value> {
    match field.to_sql()? {
        ToSqlOutput::Borrowed(borrowed) => Value::try_from(borrowed)
            .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error))),
        ToSqlOutput::Owned(owned) => Ok(owned),
        _ => Err(rusqlite::Error::ToSqlConversionFailure(
            "casefile stores only plain values".into(),
        )),
    }
}
