//! Where a disc's files come from: a folder on disk or the entries of a
//! .zip. Either way a file is named by its path relative to the disc's
//! root, parts joined with `/`, and is read through a size-limited reader.
//! Nothing outside the root is ever opened.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Component, Path, PathBuf};

use zip::ZipArchive;

/// One file of the disc.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The path relative to the root, parts joined with `/`.
    pub rel: String,
    pub size: u64,
    /// A link that leads outside the disc: listed, never opened.
    pub outside: bool,
}

/// A folder or an open .zip.
pub(crate) enum Source {
    Dir {
        root: PathBuf,
    },
    Zip {
        archive: Box<ZipArchive<BufReader<File>>>,
        prefix: String,
        index: Vec<usize>,
    },
}

/// Folders deeper than this are not walked (a disc is a few levels deep).
const MAX_DEPTH: usize = 32;

impl Source {
    /// Lists every file under the root, in path order. `notes` receives
    /// plain sentences about what was left out.
    pub fn entries(&mut self, notes: &mut Vec<String>) -> Vec<Entry> {
        match self {
            Source::Dir { root } => {
                let canonical = root.canonicalize().unwrap_or_else(|_| root.clone());
                let mut out = Vec::new();
                let mut seen = HashSet::new();
                let mut links_out = 0usize;
                walk_dir(
                    &canonical,
                    &canonical,
                    "",
                    0,
                    &mut out,
                    &mut seen,
                    &mut links_out,
                    notes,
                );
                if links_out > 0 {
                    notes.push(format!(
                        "{links_out} link(s) on the disc point outside it and were not followed."
                    ));
                }
                out.sort_by(|a, b| a.rel.cmp(&b.rel));
                out
            }
            Source::Zip {
                archive,
                prefix,
                index,
            } => {
                let mut out = Vec::new();
                index.clear();
                let mut skipped = 0usize;
                for i in 0..archive.len() {
                    let Ok(file) = archive.by_index_raw(i) else {
                        skipped += 1;
                        continue;
                    };
                    if file.is_dir() {
                        continue;
                    }
                    let Ok(name) = file.name() else {
                        skipped += 1;
                        continue;
                    };
                    let name = name.replace('\\', "/");
                    let unsafe_name = name.starts_with('/')
                        || name.split('/').any(|p| p == ".." || p.contains(':'));
                    if unsafe_name || file.is_symlink() {
                        skipped += 1;
                        continue;
                    }
                    let Some(rel) = name.strip_prefix(prefix.as_str()) else {
                        continue;
                    };
                    out.push(Entry {
                        rel: rel.to_string(),
                        size: file.size(),
                        outside: false,
                    });
                    index.push(i);
                }
                if skipped > 0 {
                    notes.push(format!(
                        "{skipped} entr(ies) of the zip were left out: unreadable names, links, or names that lead outside the zip."
                    ));
                }
                // Keep the zip's order: reading a zip in order is the fast way.
                out
            }
        }
    }

    /// Opens the `n`th entry of the last [`Source::entries`] list, reading
    /// at most `limit` bytes.
    pub fn open(
        &mut self,
        entries: &[Entry],
        n: usize,
        limit: u64,
    ) -> io::Result<Box<dyn Read + '_>> {
        let entry = entries
            .get(n)
            .ok_or_else(|| io::Error::other("no such file on the disc"))?;
        if entry.outside {
            return Err(io::Error::other("the file leads outside the disc"));
        }
        match self {
            Source::Dir { root } => {
                let path = root.join(&entry.rel);
                let file = File::open(path)?;
                Ok(Box::new(BufReader::with_capacity(
                    16 * 1024,
                    file.take(limit),
                )))
            }
            Source::Zip { archive, index, .. } => {
                let i = *index
                    .get(n)
                    .ok_or_else(|| io::Error::other("no such entry in the zip"))?;
                let file = archive.by_index(i).map_err(io::Error::other)?;
                Ok(Box::new(file.take(limit)))
            }
        }
    }
}

/// Opens a .zip and finds its root: the top, or the single folder that
/// holds everything.
pub(crate) fn open_zip(path: &Path) -> Result<Source, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let archive = ZipArchive::new(BufReader::new(file)).map_err(|e| e.to_string())?;
    let mut names: Vec<String> = Vec::new();
    for name in archive.file_names().flatten() {
        names.push(name.replace('\\', "/"));
    }
    let has_root_dir = names.iter().any(|n| n.eq_ignore_ascii_case("DICOMDIR"));
    let mut prefix = String::new();
    if !has_root_dir {
        let tops: HashSet<&str> = names
            .iter()
            .filter(|n| !n.is_empty())
            .map(|n| n.split('/').next().unwrap_or(""))
            .collect();
        if tops.len() == 1
            && names.iter().all(|n| n.contains('/'))
            && let Some(top) = tops.into_iter().next()
        {
            prefix = format!("{top}/");
        }
    }
    Ok(Source::Zip {
        archive: Box::new(archive),
        prefix,
        index: Vec::new(),
    })
}

#[allow(clippy::too_many_arguments)]
fn walk_dir(
    root: &Path,
    dir: &Path,
    rel: &str,
    depth: usize,
    out: &mut Vec<Entry>,
    seen: &mut HashSet<PathBuf>,
    links_out: &mut usize,
    notes: &mut Vec<String>,
) {
    if depth > MAX_DEPTH {
        notes.push(format!("The folder {rel} is too deep to be read."));
        return;
    }
    if !seen.insert(dir.to_path_buf()) {
        return;
    }
    let Ok(listing) = std::fs::read_dir(dir) else {
        notes.push(format!(
            "The folder {} could not be opened.",
            if rel.is_empty() {
                "at the top of the disc"
            } else {
                rel
            }
        ));
        return;
    };
    for item in listing.flatten() {
        let name = item.file_name().to_string_lossy().into_owned();
        let child_rel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let path = item.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(root) => {
                    if target.is_dir() {
                        walk_dir(
                            root,
                            &target,
                            &child_rel,
                            depth + 1,
                            out,
                            seen,
                            links_out,
                            notes,
                        );
                    } else if let Ok(m) = std::fs::metadata(&target) {
                        out.push(Entry {
                            rel: child_rel,
                            size: m.len(),
                            outside: false,
                        });
                    }
                }
                Ok(_) => {
                    *links_out += 1;
                    out.push(Entry {
                        rel: child_rel,
                        size: 0,
                        outside: true,
                    });
                }
                Err(_) => *links_out += 1,
            }
        } else if meta.is_dir() {
            walk_dir(
                root,
                &path,
                &child_rel,
                depth + 1,
                out,
                seen,
                links_out,
                notes,
            );
        } else if meta.is_file() {
            out.push(Entry {
                rel: child_rel,
                size: meta.len(),
                outside: false,
            });
        }
    }
}

/// Whether a file id from an index stays inside the disc: no `..`, no
/// absolute path, no drive letter.
pub(crate) fn id_stays_inside(parts: &[String]) -> bool {
    !parts.is_empty()
        && parts.iter().all(|p| {
            !p.is_empty()
                && p != ".."
                && p != "."
                && !p.contains(':')
                && !p.contains('/')
                && !p.contains('\\')
                && Path::new(p)
                    .components()
                    .all(|c| matches!(c, Component::Normal(_)))
        })
}
