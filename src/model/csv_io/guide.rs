//! The templates that teach: the spreadsheet templates with one example row per file, taken
//! from a real dataset (with its sources), and a README in Indonesian and English that
//! describes every column, its allowed values, which columns are required and the rules
//! every record follows. The English column descriptions are `spec`'s (the same as
//! DATA.md's); the Indonesian ones are here, one per field, and a test checks that no field
//! lacks one.

use super::spec::{expand_in, Field, FileSpec, Phrases, FILES, META};
use super::{csv_text, header_of, rows_of};
use crate::model::types::Dataset;
use crate::model::Lang;

/// The Indonesian wording of the column descriptions.
const ID: Phrases = Phrases {
    in_id: "dalam bahasa Indonesia.",
    in_en: "dalam bahasa Inggris.",
    editor_translated:
        "`id` atau `en` bila sisi itu terjemahan penyunting dataset, bukan kata-kata \
                        sebuah sumber; kosongkan bila tidak.",
    provenance_kind: "`confirmed` (dinyatakan sumber yang dikutip), `derived` (disimpulkan \
                      penyunting dari sumber yang dikutip) atau `illustrative` (contoh, bukan \
                      fakta).",
    provenance_note_id: "Bagaimana catatan ini diketahui (sumber mana yang menyatakannya, atau \
                         bagaimana penyunting menyimpulkannya), dalam bahasa Indonesia.",
    provenance_note_en: "Catatan yang sama dalam bahasa Inggris.",
    provenance_note_translated: "`id` atau `en` bila sisi catatan itu terjemahan penyunting.",
    provenance_uncertain: "`true` bila sebuah nama atau fakta hanya sebagian didukung sumber dan \
                           perlu diperiksa; kosongkan bila tidak.",
    id: "Tanpa spasi.",
    reference: "Id sebuah {of}.",
    references: "Id {of}, dipisahkan `;`.",
    list: "Dipisahkan `;`.",
    int: "Bilangan bulat.",
    year: "Tahun `YYYY` (tanggal `YYYY-MM` atau `YYYY-MM-DD` dibaca sebagai tahunnya, dengan \
           peringatan).",
    decimal: "Bilangan desimal.",
    date: "`YYYY`, `YYYY-MM` atau `YYYY-MM-DD`.",
    one_of: "Salah satu dari {values}.",
    bool: "`true`, atau kosong untuk tidak.",
};

/// What a reference points to, in Indonesian (the English is `spec`'s).
const REFERS_ID: &[(&str, &str)] = &[
    (
        "CRF dimension (crf_dimensions.csv)",
        "dimensi CRF (crf_dimensions.csv)",
    ),
    (
        "area one level up (empty for a region)",
        "wilayah satu tingkat di atasnya (kosong untuk wilayah kota)",
    ),
    ("goal (goals.csv)", "arahan (goals.csv)"),
    ("pillar (pillars.csv)", "pilar (pillars.csv)"),
    (
        "CRF drivers (crf_drivers.csv)",
        "penggerak CRF (crf_drivers.csv)",
    ),
    (
        "CRF qualities (crf_qualities.csv)",
        "kualitas CRF (crf_qualities.csv)",
    ),
    ("areas (areas.csv)", "wilayah (areas.csv)"),
    (
        "focus areas (focus_areas.csv)",
        "area fokus (focus_areas.csv)",
    ),
    ("goals (goals.csv)", "arahan (goals.csv)"),
    ("pillars (pillars.csv)", "pilar (pillars.csv)"),
    (
        "shocks (hazards.csv, kind shock)",
        "guncangan (hazards.csv, kind shock)",
    ),
    (
        "shocks and stresses (hazards.csv)",
        "guncangan dan tekanan (hazards.csv)",
    ),
    ("sources (sources.csv)", "sumber (sources.csv)"),
    ("strategies (strategies.csv)", "strategi (strategies.csv)"),
    (
        "stresses (hazards.csv, kind stress)",
        "tekanan (hazards.csv, kind stress)",
    ),
];

/// What one row of each file is, in Indonesian.
const ABOUT_ID: &[(&str, &str)] = &[
    ("meta.csv", "Tentang dataset dan strateginya. Dua kolom, `field` dan `value`: satu baris per isian di bawah."),
    ("sources.csv", "Satu baris per sumber yang dikutip. Setiap catatan lain mengutip paling sedikit satu id dari sini."),
    ("pillars.csv", "Satu baris per pilar strategi, dalam urutan dokumennya."),
    ("targets.csv", "Satu baris per target pilar yang diketahui, dikelompokkan per pilar."),
    ("goals.csv", "Satu baris per arahan di bawah sebuah pilar."),
    ("strategies.csv", "Satu baris per strategi di bawah sebuah arahan."),
    ("hazards.csv", "Satu baris per guncangan (peristiwa mendadak) atau tekanan (beban menahun) yang dijawab strategi."),
    ("rankings.csv", "Satu baris per urutan guncangan dan tekanan menurut satu sumber (sumber bisa berbeda: beri masing-masing barisnya sendiri)."),
    ("focus_areas.csv", "Satu baris per area fokus dari kajian awal ketahanan."),
    ("crf_dimensions.csv", "Satu baris per dimensi City Resilience Framework."),
    ("crf_drivers.csv", "Satu baris per penggerak (tujuan) City Resilience Framework."),
    ("crf_qualities.csv", "Satu baris per kualitas sistem yang berketahanan."),
    ("actions.csv", "Satu baris per aksi (atau, bila `actions_are` di meta bernilai `aligned_initiatives`, per inisiatif terdokumentasi yang selaras dengan strategi)."),
    ("areas.csv", "Satu baris per wilayah administratif: wilayah kota, lalu kecamatan, lalu kelurahan."),
    ("timeline.csv", "Satu baris per peristiwa bertanggal dalam penyusunan strategi."),
];

/// Each field's own description in Indonesian: (file, field, description). `*` stands for
/// every file (the fields every record has).
const DOC_ID: &[(&str, &str, &str)] = &[
    ("*", "id", "Id tetap, dipakai berkas lain untuk merujuknya."),
    ("*", "sources", "Asal catatan: paling sedikit satu sumber."),
    ("*", "provenance", ""),
    ("meta.csv", "$schema", "JSON Schema yang diikuti dataset, mis. `strategy.schema.json`."),
    ("meta.csv", "id", "Id tetap dataset, mis. `jakarta-2019`."),
    ("meta.csv", "title", "Judul strategi."),
    ("meta.csv", "city", "Kota."),
    ("meta.csv", "vision", "Pernyataan visi strategi."),
    ("meta.csv", "published", "Kapan strategi diterbitkan atau diluncurkan."),
    ("meta.csv", "dataset_date", "Kapan dataset ini terakhir disunting."),
    ("meta.csv", "licence", "Lisensi dataset ini, mis. `CC BY 4.0`."),
    ("meta.csv", "editors", "Siapa yang menyusun dataset ini."),
    ("meta.csv", "actions_are", "Isi actions.csv: aksi strategi itu sendiri (bawaan bila kosong) atau inisiatif terdokumentasi yang selaras dengannya."),
    ("meta.csv", "declared_counts_pillars", "Jumlah pilar menurut dokumen resmi."),
    ("meta.csv", "declared_counts_goals", "Jumlah arahan menurut dokumen resmi."),
    ("meta.csv", "declared_counts_strategies", "Jumlah strategi menurut dokumen resmi."),
    ("meta.csv", "declared_counts_actions", "Jumlah aksi menurut dokumen resmi."),
    ("meta.csv", "declared_counts_sources", "Sumber untuk jumlah-jumlah resmi itu."),
    ("meta.csv", "note", "Catatan yang ditampilkan bersama data: batasnya dan cara penyusunannya."),
    ("meta.csv", "synthetic", "Hanya untuk data uji buatan: penjelajah lalu menandainya sebagai bukan data nyata."),
    ("meta.csv", "sources", "Sumber untuk judul, visi dan tanggal."),
    ("sources.csv", "id", "Id tetap, dipakai di kolom `sources` berkas-berkas lain."),
    ("sources.csv", "title", "Judul sumber, dalam bahasanya sendiri."),
    ("sources.csv", "publisher", "Penerbitnya."),
    ("sources.csv", "date", "Tanggal terbit."),
    ("sources.csv", "url", "Tempat membacanya: hanya tautan `http`, `https` atau `mailto`."),
    ("pillars.csv", "name", "Nama pilar."),
    ("pillars.csv", "definition", "Definisinya."),
    ("targets.csv", "pillar", "Pilar tempat target ini berada."),
    ("targets.csv", "text", "Target sebagaimana dirumuskan sumbernya."),
    ("targets.csv", "year", "Tahun target, bila disebut."),
    ("goals.csv", "pillar", "Pilar tempat arahan ini berada."),
    ("goals.csv", "name", "Namanya."),
    ("strategies.csv", "goal", "Arahan tempat strategi ini berada."),
    ("strategies.csv", "name", "Namanya."),
    ("hazards.csv", "kind", "Guncangan atau tekanan."),
    ("hazards.csv", "name", "Namanya."),
    ("hazards.csv", "description", "Apa kata sumber tentangnya."),
    ("rankings.csv", "title", "Daftar apa ini, mis. \"Ancaman utama dalam ringkasan strategi\"."),
    ("rankings.csv", "description", "Apa kata sumber tentangnya."),
    ("rankings.csv", "shocks", "Guncangan dalam urutan sumbernya."),
    ("rankings.csv", "stresses", "Tekanan dalam urutan sumbernya."),
    ("focus_areas.csv", "name", "Namanya."),
    ("focus_areas.csv", "pillars", "Pilar yang terkait (sering hasil penyimpulan penyunting: sebutkan di provenance)."),
    ("crf_dimensions.csv", "name", "Namanya."),
    ("crf_dimensions.csv", "description", "Uraiannya."),
    ("crf_drivers.csv", "dimension", "Dimensi tempat penggerak ini berada."),
    ("crf_drivers.csv", "name", "Namanya."),
    ("crf_qualities.csv", "name", "Namanya."),
    ("crf_qualities.csv", "definition", "Definisinya."),
    ("actions.csv", "title", "Namanya."),
    ("actions.csv", "description", "Apa yang dilakukannya."),
    ("actions.csv", "pillars", "Pilar yang dilayaninya, yang utama lebih dulu."),
    ("actions.csv", "goals", "Arahan yang dilayaninya."),
    ("actions.csv", "strategies", "Strategi yang dilayaninya."),
    ("actions.csv", "hazards", "Guncangan dan tekanan yang dijawabnya."),
    ("actions.csv", "focus_areas", "Area fokus yang dilayaninya."),
    ("actions.csv", "crf_drivers", "Penggerak CRF yang dilayaninya."),
    ("actions.csv", "crf_qualities", "Kualitas ketahanan yang ditunjukkannya."),
    ("actions.csv", "areas", "Tempat kegiatannya; kosong berarti seluruh kota."),
    ("actions.csv", "lead", "Instansi pelaksana utama."),
    ("actions.csv", "partners", "Mitra."),
    ("actions.csv", "status", "Keadaannya; kosongkan bila tidak ada sumber yang menyebutnya."),
    ("actions.csv", "status_basis", "`sourced` bila sebuah sumber menyebut statusnya, `inferred` bila penyunting menyimpulkannya dari tanggal."),
    ("actions.csv", "timeframe_start", "Tahun pertama."),
    ("actions.csv", "timeframe_end", "Tahun terakhir (atau tahun target)."),
    ("actions.csv", "timeframe_note", "Catatan tentang tahunnya, mis. bila sebuah tahun disimpulkan."),
    ("actions.csv", "tie", "Apa yang dipastikan sumber tentang kaitannya dengan strategi: `strategy` (strategi itu sendiri), `programme` (program ketahanan atau labelnya), `partnership` (kantor ketahanan menjadi mitra), `reported` (hanya dilaporkan kantor itu), `theme` (dikaitkan penyunting menurut tema saja)."),
    ("areas.csv", "id", "Id tetap (untuk Jakarta kode Kemendagri, mis. `31.71.01`), dipakai di kolom `areas` actions.csv."),
    ("areas.csv", "code", "Kode resmi."),
    ("areas.csv", "level", "Wilayah kota, kecamatan atau kelurahan."),
    ("areas.csv", "parent", "Wilayah tempatnya berada."),
    ("areas.csv", "name", "Nama resmi."),
    ("areas.csv", "name_en", "Nama bahasa Inggris yang lazim, bila ada (catatannya menyebut siapa yang memberikannya)."),
    ("areas.csv", "lon", "Bujur titik tengahnya (WGS 84)."),
    ("areas.csv", "lat", "Lintang titik tengahnya (WGS 84)."),
    ("areas.csv", "population", "Jumlah penduduk, bila diketahui."),
    ("timeline.csv", "date", "Kapan."),
    ("timeline.csv", "title", "Apa yang terjadi."),
    ("timeline.csv", "description", "Rinciannya."),
    ("timeline.csv", "participants", "Siapa yang ikut serta."),
    ("timeline.csv", "participant_count", "Jumlah peserta, bila sumber menyebutnya."),
    ("timeline.csv", "place", "Di mana."),
];

/// The Indonesian description of field `f` of `file`, if there is one.
fn doc_id(file: &str, f: &Field) -> Option<&'static str> {
    let own = DOC_ID
        .iter()
        .find(|(fl, name, _)| *fl == file && *name == f.name);
    let shared = || {
        DOC_ID
            .iter()
            .find(|(fl, name, _)| *fl == "*" && *name == f.name)
    };
    own.or_else(shared).map(|(_, _, d)| *d)
}

/// The rules every file follows, in the README and in the "open your data" panel.
pub fn rules(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Id => &[
            "Simpan setiap berkas sebagai \"CSV UTF-8\"; baris pertama adalah judul kolom, jangan diubah.",
            "meta.csv, sources.csv dan pillars.csv wajib ada; berkas lain boleh tidak ada.",
            "Setiap catatan (baris) punya `id` tetap tanpa spasi, paling sedikit satu sumber di kolom `sources` (id dari sources.csv), dan provenance: `provenance_kind` serta catatan `provenance_note_id` atau `provenance_note_en` yang menjelaskan dari mana catatan itu diketahui — juga untuk catatan `confirmed`.",
            "`confirmed` hanya untuk apa yang dinyatakan sumber yang dikutip; `derived` untuk apa yang disimpulkan penyunting (sebutkan caranya di catatan); `illustrative` untuk contoh yang bukan fakta.",
            "Teks punya kolom `_id` (bahasa Indonesia) dan `_en` (bahasa Inggris): isi paling sedikit satu; bila satu sisi kosong, penjelajah menampilkan sisi lainnya dan memberi peringatan.",
            "Daftar (beberapa id dalam satu sel) dipisahkan titik koma `;`.",
            "Tanggal ditulis `YYYY`, `YYYY-MM` atau `YYYY-MM-DD`; kolom tahun menerima bentuk yang sama dan menyimpan tahunnya.",
            "Baris 2 setiap templat adalah contoh dari dataset yang terbuka saat templat diunduh, dengan sumbernya: ganti atau hapus sebelum menerbitkan data Anda.",
        ],
        Lang::En => &[
            "Save every file as \"CSV UTF-8\"; the first row is the header: keep it as it is.",
            "meta.csv, sources.csv and pillars.csv are required; the other files may be left out.",
            "Every record (row) has a stable `id` without spaces, at least one source in its `sources` column (ids from sources.csv), and a provenance: `provenance_kind` and a note, `provenance_note_id` or `provenance_note_en`, that says how the record is known — `confirmed` records too.",
            "`confirmed` is only for what a cited source states; `derived` for what the editors worked out (say how in the note); `illustrative` for an example that is not a fact.",
            "Texts have an `_id` (Indonesian) and an `_en` (English) column: fill in at least one; when one side is empty the explorer shows the other and warns.",
            "Lists (several ids in one cell) are separated by semicolons `;`.",
            "Dates are written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; year columns accept the same forms and keep the year.",
            "Row 2 of every template is an example taken from the dataset open when the templates were downloaded, with its sources: replace it or delete it before you publish your data.",
        ],
    }
}

/// The columns of `spec` described in `lang`.
fn columns_in(spec: &FileSpec, lang: Lang) -> Vec<super::spec::Column> {
    if lang == Lang::En {
        return spec.columns();
    }
    let mut out = Vec::new();
    for f in spec.fields {
        let doc = doc_id(spec.name, f).unwrap_or(f.doc);
        let mut field = *f;
        field.kind = match f.kind {
            super::spec::Kind::Ref(of) => super::spec::Kind::Ref(refers_id(of)),
            super::spec::Kind::Refs(of) => super::spec::Kind::Refs(refers_id(of)),
            k => k,
        };
        expand_in(&field, doc, &ID, &mut out);
    }
    out
}

fn refers_id(of: &'static str) -> &'static str {
    REFERS_ID
        .iter()
        .find(|(en, _)| *en == of)
        .map_or(of, |(_, id)| *id)
}

/// The README of the templates in `lang`: the rules, then every file with every column,
/// whether it is required, what goes in it and its allowed values.
pub fn readme(lang: Lang) -> String {
    let (title, intro, required, either, column, content, optional_file, required_file) =
        match lang {
            Lang::Id => (
                "Templat data strategi ketahanan kota",
                "Isi berkas-berkas CSV ini di program lembar kerja, lalu buka semuanya (atau zip foldernya) di panel \"Buka data Anda\" penjelajah. Penjelajah memeriksa setiap sel dan menunjukkan berkas, baris dan kolom setiap masalah. Bila tidak ada galat, unduh dataset sebagai JSON dan terbitkan dengan mengganti satu berkas, `data/<kota>.json`, di server.",
                "wajib",
                "ini atau bahasa lainnya",
                "Kolom",
                "Isi",
                "boleh tidak ada",
                "wajib ada",
            ),
            Lang::En => (
                "City resilience strategy data templates",
                "Fill in these CSV files in a spreadsheet program, then open them all (or the folder zipped) in the explorer's \"Open your data\" panel. The explorer checks every cell and names the file, row and column of every problem. When there is no error, download the dataset as JSON and publish it by replacing one file, `data/<city>.json`, on the server.",
                "required",
                "this or the other language",
                "Column",
                "Content",
                "optional",
                "required",
            ),
        };
    let mut s = format!("# {title}\n\n{intro}\n\n");
    s.push_str(match lang {
        Lang::Id => "## Aturan\n\n",
        Lang::En => "## Rules\n\n",
    });
    for r in rules(lang) {
        s.push_str(&format!("- {r}\n"));
    }
    for spec in FILES {
        let about = match lang {
            Lang::Id => ABOUT_ID
                .iter()
                .find(|(n, _)| *n == spec.name)
                .map_or(spec.about, |(_, a)| *a),
            Lang::En => spec.about,
        };
        let need = if spec.required {
            required_file
        } else {
            optional_file
        };
        s.push_str(&format!("\n## {} ({need})\n\n{about}\n\n", spec.name));
        let first = if spec.name == META.name {
            "`field`"
        } else {
            column
        };
        s.push_str(&format!(
            "| {first} | {required} | {content} |\n|---|---|---|\n"
        ));
        for c in columns_in(spec, lang) {
            let need = if c.required {
                required
            } else if c.either {
                either
            } else {
                ""
            };
            s.push_str(&format!(
                "| `{}` | {need} | {} |\n",
                c.name,
                c.doc.replace('|', "\\|")
            ));
        }
    }
    s
}

/// The templates that teach: every file with its header and, as row 2, the first record of
/// that file in `example` (for `meta.csv`, its values), then `README-id.md` and
/// `README-en.md`. A file with no record in `example` has its header only.
pub fn templates_with_examples(example: &Dataset) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = FILES
        .iter()
        .map(|spec| {
            let rows = rows_of(example, spec);
            let rows = if spec.name == META.name {
                rows
            } else {
                rows.into_iter().take(1).collect()
            };
            (spec.name.to_string(), csv_text(&header_of(spec), &rows))
        })
        .collect();
    out.push(("README-id.md".to_string(), readme(Lang::Id)));
    out.push(("README-en.md".to_string(), readme(Lang::En)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_field_and_reference_has_its_indonesian_description() {
        for spec in FILES {
            assert!(
                ABOUT_ID.iter().any(|(n, _)| *n == spec.name),
                "{}: no Indonesian description",
                spec.name
            );
            for f in spec.fields {
                assert!(
                    doc_id(spec.name, f).is_some(),
                    "{} {}: no Indonesian description",
                    spec.name,
                    f.name
                );
                if let super::super::spec::Kind::Ref(of) | super::super::spec::Kind::Refs(of) =
                    f.kind
                {
                    assert_ne!(
                        refers_id(of),
                        of,
                        "{} {}: reference in English",
                        spec.name,
                        f.name
                    );
                }
            }
        }
        // No Indonesian description is left over from a field that is gone.
        for (file, name, _) in DOC_ID {
            let known = FILES
                .iter()
                .filter(|s| *file == "*" || s.name == *file)
                .any(|s| s.fields.iter().any(|f| f.name == *name));
            assert!(known, "{file} {name}: no such field");
        }
    }

    #[test]
    fn both_readmes_list_every_column_once_per_file_with_its_allowed_values() {
        for lang in [Lang::Id, Lang::En] {
            let r = readme(lang);
            for spec in FILES {
                let at = r
                    .find(&format!("\n## {} (", spec.name))
                    .unwrap_or_else(|| panic!("{lang:?}: no section for {}", spec.name));
                let section = &r[at..];
                let section =
                    &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
                for c in spec.columns() {
                    assert!(
                        section.contains(&format!("| `{}` |", c.name)),
                        "{lang:?} {}: column {} missing",
                        spec.name,
                        c.name
                    );
                }
            }
            for value in [
                "`confirmed`",
                "`derived`",
                "`illustrative`",
                "`aligned_initiatives`",
                "`kecamatan`",
                "`ongoing`",
                "`shock`",
                "`theme`",
            ] {
                assert!(r.contains(value), "{lang:?}: {value} is not listed");
            }
        }
    }
}
