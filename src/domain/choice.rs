//! Fixed sets of choices (a status, a form, a kind) share one shape: a stable
//! key stored in the file and a label shown to the patient.

/// A closed set of values with a stored key and a human label.
pub trait Choice: Sized + Copy + 'static {
    /// Every value, in the order a picker lists them.
    const ALL: &'static [Self];
    /// The key stored in the case file and used in JSON.
    fn key(self) -> &'static str;
    /// The words shown on screen.
    fn label(self) -> &'static str;
    /// The value stored under `key`, if there is one.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.key() == key)
    }
}

/// Declares an enum that implements [`Choice`], with serde using the keys.
/// A key may be followed by older keys it was stored under (`"stance" |
/// "position"`), which are still read.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal $(| $old:literal)*, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $key $(, alias = $old)*)] $variant,)+
        }

        impl $crate::domain::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant,)+];
            fn key(self) -> &'static str {
                match self { $(Self::$variant => $key,)+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label,)+ }
            }
            fn from_key(key: &str) -> Option<Self> {
                match key {
                    $($key $(| $old)* => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::domain::Choice::label(*self))
            }
        }
    };
}
pub(crate) use choice;
