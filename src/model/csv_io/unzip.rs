//! Reading a ZIP archive of CSV files, so the explorer accepts its own `.zip` export (stored,
//! see `super::zip`) and the same folder zipped again by a spreadsheet user's system
//! (deflate, the method every common zip tool writes). Everything else (encrypted entries,
//! other methods, ZIP64, archives split over several files) is refused with a message that
//! names the archive and the entry. Sizes are checked against the dataset limit before
//! anything is inflated, and again while inflating, so a small archive cannot expand into a
//! huge one.

use super::zip::crc32;

/// Why an archive could not be read: the message in English and Indonesian, and the entry
/// it is about (empty for the archive as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnzipError {
    /// The entry's name inside the archive, or empty.
    pub entry: String,
    /// What is wrong, in English.
    pub en: String,
    /// What is wrong, in Indonesian.
    pub id: String,
}

fn err(entry: &str, en: impl Into<String>, id: impl Into<String>) -> UnzipError {
    UnzipError {
        entry: entry.to_string(),
        en: en.into(),
        id: id.into(),
    }
}

/// The most entries an archive may list (a dataset has 15 files; folders and a system's
/// extra files come on top).
pub const MAX_ENTRIES: usize = 200;

const END_OF_CENTRAL: u32 = 0x0605_4b50;
const CENTRAL_ENTRY: u32 = 0x0201_4b50;
const LOCAL_ENTRY: u32 = 0x0403_4b50;
const STORED: u16 = 0;
const DEFLATE: u16 = 8;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// True for the entries a system adds that are not files of the dataset: folders, macOS
/// resource forks and hidden files.
fn is_system_entry(name: &str) -> bool {
    name.ends_with('/')
        || name.starts_with("__MACOSX/")
        || name
            .rsplit('/')
            .next()
            .is_some_and(|base| base.starts_with('.'))
}

/// True when `bytes` start like a ZIP archive.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The files of a ZIP archive as (name inside the archive, content), in the archive's
/// order, without folders and system files. `max_bytes` bounds the total size unpacked.
pub fn unzip(archive: &[u8], max_bytes: usize) -> Result<Vec<(String, Vec<u8>)>, UnzipError> {
    let not_zip = || {
        err(
            "",
            "not a ZIP archive, or a damaged one (its table of contents is missing)",
            "bukan arsip ZIP, atau arsip yang rusak (daftar isinya tidak ada)",
        )
    };
    // The end-of-central-directory record: 22 bytes, then a comment of up to 64 KB.
    let lowest = archive.len().saturating_sub(22 + 0xffff);
    let end = (lowest..=archive.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(archive, i) == Some(END_OF_CENTRAL))
        .ok_or_else(not_zip)?;
    let disk = u16_at(archive, end + 4).ok_or_else(not_zip)?;
    let count = u16_at(archive, end + 10).ok_or_else(not_zip)? as usize;
    let cd_offset = u32_at(archive, end + 16).ok_or_else(not_zip)?;
    if disk != 0 {
        return Err(err(
            "",
            "the archive is split over several files: zip the folder again as one file",
            "arsipnya terbagi dalam beberapa berkas: zip ulang foldernya sebagai satu berkas",
        ));
    }
    if cd_offset == u32::MAX || count == 0xffff {
        return Err(err(
            "",
            "the archive is in the ZIP64 format, which the explorer does not read: zip the \
             CSV files again (they are small)",
            "arsipnya berformat ZIP64, yang tidak dibaca penjelajah: zip ulang berkas CSV-nya \
             (ukurannya kecil)",
        ));
    }
    if count > MAX_ENTRIES {
        return Err(err(
            "",
            format!(
                "the archive lists {count} entries; a dataset has 15 files (at most \
                 {MAX_ENTRIES} entries are read)"
            ),
            format!(
                "arsipnya berisi {count} entri; dataset terdiri dari 15 berkas (paling \
                 banyak {MAX_ENTRIES} entri dibaca)"
            ),
        ));
    }
    let mut at = cd_offset as usize;
    let mut out = Vec::new();
    let mut total = 0usize;
    for n in 1..=count {
        let damaged = |what: &str| {
            err(
                "",
                format!("the archive is damaged: entry {n} of {count} ({what})"),
                format!("arsipnya rusak: entri {n} dari {count} ({what})"),
            )
        };
        if u32_at(archive, at) != Some(CENTRAL_ENTRY) {
            return Err(damaged("table of contents"));
        }
        let field = |off: usize| u16_at(archive, at + off).ok_or_else(|| damaged("header"));
        let field32 = |off: usize| u32_at(archive, at + off).ok_or_else(|| damaged("header"));
        let flags = field(8)?;
        let method = field(10)?;
        let crc = field32(16)?;
        let packed = field32(20)? as usize;
        let size = field32(24)? as usize;
        let name_len = field(28)? as usize;
        let extra_len = field(30)? as usize;
        let comment_len = field(32)? as usize;
        let local = field32(42)? as usize;
        let name_bytes = archive
            .get(at + 46..at + 46 + name_len)
            .ok_or_else(|| damaged("name"))?;
        let name = String::from_utf8_lossy(name_bytes).replace('\\', "/");
        at += 46 + name_len + extra_len + comment_len;
        if is_system_entry(&name) {
            continue;
        }
        if flags & 1 != 0 {
            return Err(err(
                &name,
                "the entry is encrypted (a password-protected zip): zip the files again \
                 without a password",
                "entri ini terenkripsi (zip dengan kata sandi): zip ulang berkasnya tanpa \
                 kata sandi",
            ));
        }
        if method != STORED && method != DEFLATE {
            return Err(err(
                &name,
                format!(
                    "the entry is compressed with method {method}, which the explorer does \
                     not read: zip the files again with the usual compression (deflate) or \
                     none"
                ),
                format!(
                    "entri ini dikompresi dengan metode {method}, yang tidak dibaca \
                     penjelajah: zip ulang berkasnya dengan kompresi biasa (deflate) atau \
                     tanpa kompresi"
                ),
            ));
        }
        total = total.saturating_add(size);
        if total > max_bytes {
            return Err(err(
                &name,
                format!(
                    "the archive unpacks to more than {max_bytes} bytes, the largest dataset \
                     accepted"
                ),
                format!(
                    "arsipnya berisi lebih dari {max_bytes} bita setelah dibuka, melebihi \
                     dataset terbesar yang diterima"
                ),
            ));
        }
        // The data follows the local header, whose name and extra field may differ in length
        // from the central directory's.
        let local_damaged = || {
            err(
                &name,
                "the archive is damaged: the entry's data is not where its table of contents \
                 says",
                "arsipnya rusak: data entri ini tidak berada di tempat yang disebut daftar isinya",
            )
        };
        if u32_at(archive, local) != Some(LOCAL_ENTRY) {
            return Err(local_damaged());
        }
        let local_name = u16_at(archive, local + 26).ok_or_else(local_damaged)? as usize;
        let local_extra = u16_at(archive, local + 28).ok_or_else(local_damaged)? as usize;
        let start = local + 30 + local_name + local_extra;
        let data = archive
            .get(start..start.saturating_add(packed))
            .ok_or_else(local_damaged)?;
        let content = if method == STORED {
            data.to_vec()
        } else {
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, size).map_err(|_| {
                err(
                    &name,
                    "the entry's compressed data is damaged",
                    "data terkompresi entri ini rusak",
                )
            })?
        };
        if content.len() != size || crc32(&content) != crc {
            return Err(err(
                &name,
                "the entry is damaged (its checksum does not match): download or zip it again",
                "entri ini rusak (checksum-nya tidak cocok): unduh atau zip ulang",
            ));
        }
        out.push((name, content));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::zip::zip;
    use super::*;

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            (
                "jakarta/meta.csv".to_string(),
                b"field,value\nid,x\n".to_vec(),
            ),
            (
                "jakarta/actions.csv".to_string(),
                "id,title_id\na,Banjir \u{2014} é\n".as_bytes().to_vec(),
            ),
            ("jakarta/empty.csv".to_string(), Vec::new()),
        ]
    }

    /// A deflated archive as common zip tools write it (method 8), with a folder entry and
    /// a macOS resource fork, built from the stored one by compressing each entry.
    fn deflated(files: &[(String, Vec<u8>)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        let mut entries: Vec<(String, Vec<u8>)> = vec![("jakarta/".to_string(), Vec::new())];
        entries.extend(files.iter().cloned());
        entries.push(("__MACOSX/jakarta/._meta.csv".to_string(), b"junk".to_vec()));
        for (name, data) in &entries {
            let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
            let offset = out.len() as u32;
            let head = |o: &mut Vec<u8>| {
                o.extend_from_slice(&20u16.to_le_bytes());
                o.extend_from_slice(&0u16.to_le_bytes());
                o.extend_from_slice(&8u16.to_le_bytes());
                o.extend_from_slice(&[0, 0, 0x21, 0]);
                o.extend_from_slice(&crc32(data).to_le_bytes());
                o.extend_from_slice(&(packed.len() as u32).to_le_bytes());
                o.extend_from_slice(&(data.len() as u32).to_le_bytes());
                o.extend_from_slice(&(name.len() as u16).to_le_bytes());
            };
            out.extend_from_slice(&LOCAL_ENTRY.to_le_bytes());
            head(&mut out);
            // A local extra field of 4 bytes that the central directory does not have.
            out.extend_from_slice(&4u16.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&[0xca, 0xfe, 0, 0]);
            out.extend_from_slice(&packed);
            central.extend_from_slice(&CENTRAL_ENTRY.to_le_bytes());
            central.extend_from_slice(&20u16.to_le_bytes());
            head(&mut central);
            central.extend_from_slice(&[0u8; 12]);
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd = out.len() as u32;
        let cd_len = central.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(&END_OF_CENTRAL.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&cd_len.to_le_bytes());
        out.extend_from_slice(&cd.to_le_bytes());
        // A comment, as some tools add.
        out.extend_from_slice(&7u16.to_le_bytes());
        out.extend_from_slice(b"comment");
        out
    }

    #[test]
    fn reads_back_its_own_stored_archive() {
        let z = zip(&files());
        assert!(looks_like_zip(&z));
        assert_eq!(unzip(&z, 1 << 20).as_ref(), Ok(&files()));
    }

    #[test]
    fn reads_a_deflated_archive_and_skips_folders_and_system_files() {
        let z = deflated(&files());
        assert_eq!(unzip(&z, 1 << 20).as_ref(), Ok(&files()));
    }

    #[test]
    fn a_damaged_entry_is_named() {
        let mut z = zip(&files());
        // Flip a byte of the second entry's data ("id,title_id…").
        let at = z.windows(11).position(|w| w == b"id,title_id").unwrap_or(0);
        z[at] ^= 0x20;
        let e = unzip(&z, 1 << 20).unwrap_err();
        assert_eq!(e.entry, "jakarta/actions.csv");
        assert!(e.en.contains("checksum"), "{}", e.en);
    }

    #[test]
    fn refuses_what_it_cannot_read_with_the_reason() {
        assert!(unzip(b"id,title\n", 1 << 20)
            .unwrap_err()
            .en
            .contains("not a ZIP"));
        let z = zip(&files());
        assert!(unzip(&z[..z.len() - 30], 1 << 20).is_err());
        let too_small = unzip(&z, 10).unwrap_err();
        assert!(
            too_small.en.contains("more than 10 bytes"),
            "{}",
            too_small.en
        );
        // Method 12 (bzip2) in the second entry's central-directory record.
        let mut other = z.clone();
        let cd = u32_at(&z, z.len() - 6).unwrap_or(0) as usize;
        let second = cd + 46 + "jakarta/meta.csv".len();
        other[second + 10] = 12;
        let e = unzip(&other, 1 << 20).unwrap_err();
        assert_eq!(e.entry, "jakarta/actions.csv");
        assert!(e.en.contains("method 12"), "{}", e.en);
        // Encrypted.
        let mut locked = z.clone();
        locked[cd + 8] |= 1;
        assert!(unzip(&locked, 1 << 20)
            .unwrap_err()
            .en
            .contains("encrypted"));
    }

    #[test]
    fn a_small_archive_cannot_inflate_past_the_limit() {
        let big = vec![(String::from("actions.csv"), vec![b'a'; 100_000])];
        let z = deflated(&big);
        assert!(z.len() < 2_000);
        assert!(unzip(&z, 50_000)
            .unwrap_err()
            .en
            .contains("more than 50000 bytes"));
        assert_eq!(unzip(&z, 200_000).map(|f| f[0].1.len()), Ok(100_000));
    }

    #[test]
    fn never_panics_on_truncated_or_corrupted_archives() {
        let z = deflated(&files());
        for cut in 0..z.len() {
            let _ = unzip(&z[..cut], 1 << 20);
        }
        for i in 0..z.len() {
            for bit in [0x01u8, 0x80] {
                let mut c = z.clone();
                c[i] ^= bit;
                let _ = unzip(&c, 1 << 20);
            }
        }
    }
}
