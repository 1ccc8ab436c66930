//! The one chart a charts slide shows (the story's coverage step shows the coverage matrix
//! alone): the charts of the charts and timeline views, by what they draw (the interface
//! maps each to its drawing). A deck link writes a fixed number per chart, never changed
//! once written. No names are kept here: strings would reach the first view's binary
//! merged with the charts' own.

/// A chart of the charts and timeline views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chart {
    /// The pillar × shock/stress coverage matrix.
    Coverage,
    /// Initiatives by pillar.
    ByPillar,
    /// Initiatives by status.
    ByStatus,
    /// Initiatives by lead agency.
    ByLead,
    /// Initiatives by CRF driver.
    ByDriver,
    /// The strategy's process timeline.
    ProcessTimeline,
    /// The initiatives' timeframes.
    Timeframes,
}

impl Chart {
    /// Every chart.
    pub const ALL: [Chart; 7] = [
        Chart::Coverage,
        Chart::ByPillar,
        Chart::ByStatus,
        Chart::ByLead,
        Chart::ByDriver,
        Chart::ProcessTimeline,
        Chart::Timeframes,
    ];

    /// Its number in deck links (1-based; 0 is "no chart"). Fixed forever: old links keep it.
    pub fn code(self) -> u64 {
        match self {
            Chart::Coverage => 1,
            Chart::ByPillar => 2,
            Chart::ByStatus => 3,
            Chart::ByLead => 4,
            Chart::ByDriver => 5,
            Chart::ProcessTimeline => 6,
            Chart::Timeframes => 7,
        }
    }

    /// The chart of number `n`.
    pub fn from_code(n: u64) -> Option<Chart> {
        Chart::ALL.into_iter().find(|c| c.code() == n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_read_back() {
        for c in Chart::ALL {
            assert_eq!(Chart::from_code(c.code()), Some(c));
        }
        let mut codes: Vec<u64> = Chart::ALL.iter().map(|c| c.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Chart::ALL.len());
        assert_eq!(Chart::from_code(0), None);
    }
}
