//! The presentation's steps: the story's steps in order (vision → pillars → shocks and stresses →
//! coverage matrix → map → timeline → sources), the keys that move between them
//! (presentation clickers send Page Up/Down), scrolling through a slide taller than the
//! screen before moving on, and clamping of a step number from a link.

/// One screen of the guided story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The strategy's title and vision.
    Vision,
    /// The pillars (click one to drill in).
    Pillars,
    /// Shocks and stresses (click one to see the initiatives that answer it).
    Hazards,
    /// The coverage matrix.
    Coverage,
    /// The map.
    Map,
    /// How the strategy was made.
    Timeline,
    /// Sources and licence.
    Sources,
}

impl Step {
    /// All steps, in the order of the story.
    pub const ALL: [Step; 7] = [
        Step::Vision,
        Step::Pillars,
        Step::Hazards,
        Step::Coverage,
        Step::Map,
        Step::Timeline,
        Step::Sources,
    ];

    /// Number of steps.
    pub const COUNT: u32 = Step::ALL.len() as u32;

    /// The step for a (0-based) number from a link; numbers past the end show the last step.
    pub fn at(n: u32) -> Step {
        Step::ALL[clamp(n) as usize]
    }

    /// Which interface text is the step's title.
    pub fn title_key(self) -> crate::i18n::Key {
        match self {
            Step::Vision => |t| t.present.step_vision,
            Step::Pillars => |t| t.present.step_pillars,
            Step::Hazards => |t| t.present.step_hazards,
            Step::Coverage => |t| t.present.step_coverage,
            Step::Map => |t| t.present.step_map,
            Step::Timeline => |t| t.present.step_timeline,
            Step::Sources => |t| t.present.step_sources,
        }
    }
}

/// A step number limited to the story.
pub fn clamp(n: u32) -> u32 {
    clamp_in(n, Step::COUNT)
}

/// A step number limited to a deck of `count` slides (numbers past the end show the last).
pub fn clamp_in(n: u32, count: u32) -> u32 {
    n.min(count.max(1) - 1)
}

/// What a key press asks the deck to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// Next step.
    Next,
    /// Previous step.
    Prev,
    /// First step.
    First,
    /// Last step.
    Last,
    /// Leave presentation mode.
    Exit,
}

/// The deck command for a `KeyboardEvent.key` value, if any. Space moves on, like a
/// slide show; clickers send PageDown/PageUp (some send arrow keys).
pub fn key_nav(key: &str) -> Option<Nav> {
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Spacebar" => Some(Nav::Next),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Nav::Prev),
        "Home" => Some(Nav::First),
        "End" => Some(Nav::Last),
        "Escape" | "Esc" => Some(Nav::Exit),
        _ => None,
    }
}

/// True for the keys that blank the screen while presenting (the audience looks at the
/// speaker; any key brings the slide back): B and the full stop, as in desktop slide shows,
/// and what clickers' "blank" buttons send.
pub fn is_blank_key(key: &str) -> bool {
    matches!(key, "b" | "B" | ".")
}

/// The step of the story after `nav` from `step` (`None` for [`Nav::Exit`]). Stops at both
/// ends.
pub fn apply(nav: Nav, step: u32) -> Option<u32> {
    apply_in(nav, step, Step::COUNT)
}

/// The slide after `nav` from `step` in a deck of `count` slides (`None` for [`Nav::Exit`]).
/// Stops at both ends.
pub fn apply_in(nav: Nav, step: u32, count: u32) -> Option<u32> {
    let step = clamp_in(step, count);
    match nav {
        Nav::Next => Some(clamp_in(step + 1, count)),
        Nav::Prev => Some(step.saturating_sub(1)),
        Nav::First => Some(0),
        Nav::Last => Some(clamp_in(u32::MAX, count)),
        Nav::Exit => None,
    }
}

/// Where a slide taller than the screen scrolls to before the deck moves on. The vertical
/// keys (Page Up/Down and Space, as clickers send, and the up/down arrows) first scroll
/// through the slide, by most of a screen (arrows: a third), and move to the next or
/// previous step only at its end; ArrowLeft/ArrowRight, Home and End always move. `top` is
/// the current scroll offset, `max` the largest one, `height` the visible height (CSS px).
/// `None`: the key moves the deck.
pub fn scroll_first(key: &str, top: f64, max: f64, height: f64) -> Option<f64> {
    let step = match key {
        "PageDown" | "PageUp" | " " | "Spacebar" => height * 0.85,
        "ArrowDown" | "ArrowUp" => height / 3.0,
        _ => return None,
    };
    let down = matches!(key, "PageDown" | " " | "Spacebar" | "ArrowDown");
    // One pixel of slack: fractional scroll offsets never quite reach the end.
    if down && top < max - 1.0 {
        Some((top + step).min(max))
    } else if !down && top > 1.0 {
        Some((top - step).max(0.0))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b_and_the_full_stop_blank_the_screen_and_move_nothing() {
        for k in ["b", "B", "."] {
            assert!(is_blank_key(k), "{k}");
            assert_eq!(key_nav(k), None, "{k} does not move the deck");
        }
        for k in ["n", "ArrowRight", " ", "Escape", ","] {
            assert!(!is_blank_key(k), "{k}");
        }
    }

    #[test]
    fn the_story_has_seven_steps_in_order() {
        assert_eq!(Step::COUNT, 7);
        assert_eq!(Step::at(0), Step::Vision);
        assert_eq!(Step::at(3), Step::Coverage);
        assert_eq!(Step::at(4), Step::Map);
        assert_eq!(Step::at(6), Step::Sources);
        assert_eq!(
            Step::at(99),
            Step::Sources,
            "past the end shows the last step"
        );
    }

    #[test]
    fn keys_move_between_steps_and_stop_at_the_ends() {
        for k in ["ArrowRight", "ArrowDown", "PageDown", " "] {
            assert_eq!(key_nav(k), Some(Nav::Next), "{k}");
        }
        for k in ["ArrowLeft", "ArrowUp", "PageUp"] {
            assert_eq!(key_nav(k), Some(Nav::Prev), "{k}");
        }
        assert_eq!(key_nav("Escape"), Some(Nav::Exit));
        assert_eq!(key_nav("a"), None);
        assert_eq!(
            key_nav("Enter"),
            None,
            "Enter activates the focused control"
        );
        assert_eq!(apply(Nav::Next, 0), Some(1));
        assert_eq!(apply(Nav::Next, 6), Some(6));
        assert_eq!(apply(Nav::Prev, 0), Some(0));
        assert_eq!(
            apply(Nav::Prev, 50),
            Some(5),
            "an out-of-range link step is clamped"
        );
        assert_eq!(apply(Nav::Last, 2), Some(6));
        assert_eq!(apply(Nav::First, 5), Some(0));
        assert_eq!(apply(Nav::Exit, 3), None);
    }

    #[test]
    fn a_deck_of_any_length_stops_at_its_own_ends() {
        assert_eq!(apply_in(Nav::Next, 0, 3), Some(1));
        assert_eq!(apply_in(Nav::Next, 2, 3), Some(2));
        assert_eq!(apply_in(Nav::Last, 0, 3), Some(2));
        assert_eq!(apply_in(Nav::Prev, 40, 3), Some(1), "a link past the end");
        assert_eq!(apply_in(Nav::Last, 0, 20), Some(19));
        assert_eq!(apply_in(Nav::Next, 0, 1), Some(0), "one slide");
        assert_eq!(clamp_in(5, 0), 0, "no slides: the first");
    }

    #[test]
    fn tall_slides_scroll_before_the_deck_moves() {
        // A slide that fits: every key moves the deck.
        assert_eq!(scroll_first("PageDown", 0.0, 0.0, 800.0), None);
        // A tall slide: Page Down scrolls by most of a screen, then the deck moves at its end.
        assert_eq!(scroll_first("PageDown", 0.0, 1000.0, 800.0), Some(680.0));
        assert_eq!(scroll_first(" ", 680.0, 1000.0, 800.0), Some(1000.0));
        assert_eq!(scroll_first("PageDown", 1000.0, 1000.0, 800.0), None);
        assert_eq!(scroll_first("PageDown", 999.5, 1000.0, 800.0), None);
        assert_eq!(scroll_first("ArrowDown", 0.0, 1000.0, 900.0), Some(300.0));
        // Back up, then the previous step.
        assert_eq!(scroll_first("PageUp", 1000.0, 1000.0, 800.0), Some(320.0));
        assert_eq!(scroll_first("ArrowUp", 200.0, 1000.0, 900.0), Some(0.0));
        assert_eq!(scroll_first("PageUp", 0.0, 1000.0, 800.0), None);
        // Left/right, Home/End and Escape never scroll.
        for k in ["ArrowRight", "ArrowLeft", "Home", "End", "Escape"] {
            assert_eq!(scroll_first(k, 500.0, 1000.0, 800.0), None, "{k}");
        }
    }

    #[test]
    fn every_step_has_a_title_in_both_languages() {
        for s in Step::ALL {
            let id = crate::i18n::t(crate::model::Lang::Id, s.title_key());
            let en = crate::i18n::t(crate::model::Lang::En, s.title_key());
            assert!(!id.trim().is_empty() && id != en, "{s:?}: {id} / {en}");
        }
    }
}
