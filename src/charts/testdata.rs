//! A tiny hand-made dataset for the chart tests: two pillars, two shocks and a stress, two
//! CRF drivers, five actions (one without a pillar) and three process events.

use crate::model::Dataset;

/// The dataset.
pub fn tiny() -> Dataset {
    serde_json::from_str(TINY).expect("the tiny dataset parses")
}

/// The same JSON, for tests that edit it.
pub const TINY: &str = r#"{
  "meta": {
    "id": "tiny",
    "title": {"id": "Strategi Mini", "en": "Mini Strategy"},
    "city": {"id": "Kota", "en": "City"},
    "dataset_date": "2024-05-01",
    "published": "2019-08-30",
    "licence": "CC BY 4.0",
    "actions_are": "aligned_initiatives"
  },
  "sources": [{"id": "s", "title": "S"}],
  "pillars": [
    {"id": "siap", "name": {"id": "Jakarta Siap", "en": "Prepared Jakarta"}, "sources": ["s"],
     "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
    {"id": "sehat", "name": {"id": "Jakarta Sehat", "en": "Healthy Jakarta"}, "sources": ["s"],
     "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}}
  ],
  "hazards": [
    {"id": "flood", "kind": "shock", "name": {"id": "Banjir", "en": "Flooding"}, "sources": ["s"],
     "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
    {"id": "traffic", "kind": "stress", "name": {"id": "Kemacetan", "en": "Congestion"}, "sources": ["s"],
     "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
    {"id": "quake", "kind": "shock", "name": {"id": "Gempa bumi", "en": "Earthquake"}, "sources": ["s"],
     "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}}
  ],
  "crf": {
    "drivers": [
      {"id": "d1", "dimension": "x", "name": {"id": "Kebutuhan dasar", "en": "Basic needs"}, "sources": ["s"],
       "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
      {"id": "d2", "dimension": "x", "name": {"id": "Mobilitas", "en": "Mobility"}, "sources": ["s"],
       "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}}
    ]
  },
  "actions": [
    {"id": "a1", "title": {"id": "Tanggul laut", "en": "Sea wall"}, "pillars": ["siap"],
     "hazards": ["flood"], "crf_drivers": ["d1"], "lead": "Dinas Air", "status": "ongoing",
     "timeframe": {"start": 2016}, "sources": ["s"],
     "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
    {"id": "a2", "title": {"id": "Sekolah aman", "en": "Safe schools"}, "pillars": ["siap"],
     "hazards": ["flood", "quake"], "crf_drivers": ["d1"], "lead": "BPBD", "status": "completed",
     "timeframe": {"start": 2017, "end": 2019}, "sources": ["s"],
     "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
    {"id": "a3", "title": {"id": "Bus terpadu", "en": "Integrated buses"}, "pillars": ["sehat", "siap"],
     "hazards": ["traffic"], "lead": "Dinas Air", "sources": ["s"],
     "provenance": {"kind": "derived", "note": {"id": "n", "en": "n"}}},
    {"id": "a4", "title": {"id": "Air bersih", "en": "Clean water"}, "pillars": ["sehat"],
     "hazards": ["flood"], "status": "planned", "timeframe": {"end": 2030}, "sources": ["s"],
     "provenance": {"kind": "derived", "note": {"id": "n", "en": "n"}}},
    {"id": "a5", "title": {"id": "Kampung tangguh", "en": "Resilient kampung"}, "pillars": [],
     "hazards": ["quake"], "status": "ongoing", "timeframe": {"start": 2018, "end": 2020}, "sources": ["s"],
     "provenance": {"kind": "derived", "note": {"id": "n", "en": "n"}}}
  ],
  "timeline": [
    {"id": "e1", "date": "2016-11-17", "title": {"id": "Lokakarya pertama", "en": "First workshop"},
     "sources": ["s"], "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
    {"id": "e3", "date": "2019-08-30", "title": {"id": "Peluncuran strategi", "en": "Strategy launch"},
     "participant_count": 200, "sources": ["s"], "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}},
    {"id": "e2", "date": "2017-09", "title": {"id": "Lokakarya persepsi kota", "en": "City perception workshop"},
     "sources": ["s"], "provenance": {"kind": "confirmed", "note": {"id": "n", "en": "n"}}}
  ]
}"#;
