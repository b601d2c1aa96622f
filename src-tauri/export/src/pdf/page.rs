//! The page model of the PDF: pages as lists of drawing operations, and a cursor that fills them top to bottom.
//! Both layouts, the cover and the appendix write here; turning operations into PDF is `render`'s job.

use super::text::{Line, PlacedRun, Rgb, Shaper, TextStyle};

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const MARGIN_X: f32 = 42.0;
pub(crate) const BODY_TOP: f32 = 62.0;
pub(crate) const BODY_BOTTOM: f32 = PAGE_H - 50.0;
pub(crate) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// One drawing operation; coordinates in points from the top-left corner, `y` of text is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Text {
        x: f32,
        y: f32,
        run: PlacedRun,
    },
}

/// Pages being filled, a vertical cursor and the shaper.
pub(crate) struct Doc {
    pub pages: Vec<Vec<Op>>,
    pub y: f32,
    pub shaper: Shaper,
    /// Drawn at the top of every page started by [`Doc::new_page`] (e.g. column headings), with its height.
    pub page_top: Option<(Vec<Op>, f32)>,
    /// Page width and height in points (A4 portrait unless [`Doc::landscape`]).
    pub w: f32,
    pub h: f32,
}

impl Doc {
    pub fn new() -> Self {
        Doc {
            pages: vec![Vec::new()],
            y: BODY_TOP,
            shaper: Shaper::new(),
            page_top: None,
            w: PAGE_W,
            h: PAGE_H,
        }
    }

    /// A document of A4 landscape pages (wide tables such as a story of several accounts).
    pub fn landscape() -> Self {
        Doc {
            w: PAGE_H,
            h: PAGE_W,
            ..Doc::new()
        }
    }

    /// Width between the margins of this document's pages.
    pub fn content_w(&self) -> f32 {
        self.w - 2.0 * MARGIN_X
    }

    pub fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page exists")
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = BODY_TOP;
        if let Some((ops, h)) = self.page_top.clone() {
            self.ops().extend(ops);
            self.y += h;
        }
    }

    /// Room left on the current page, in points.
    pub fn room(&self) -> f32 {
        self.h - (PAGE_H - BODY_BOTTOM) - self.y
    }

    /// Start a new page unless `h` points still fit.
    pub fn ensure(&mut self, h: f32) {
        if self.room() < h {
            self.new_page();
        }
    }

    pub fn lines(&mut self, runs: &[(String, TextStyle)], width: f32) -> Vec<Line> {
        self.shaper.break_lines(runs, width)
    }

    /// Draw a laid-out line with its baseline at `baseline`.
    pub fn draw_line(&mut self, x: f32, baseline: f32, line: &Line) {
        let ops = self.ops();
        for run in &line.runs {
            ops.push(Op::Text {
                x: x + run.x,
                y: baseline,
                run: run.clone(),
            });
        }
    }

    /// Flow a paragraph at the cursor, breaking pages between lines.
    pub fn paragraph(&mut self, x: f32, width: f32, runs: &[(String, TextStyle)], line_h: f32) {
        let lines = self.lines(runs, width);
        for line in &lines {
            self.ensure(line_h);
            let baseline = self.y + line_h * 0.78;
            self.draw_line(x, baseline, line);
            self.y += line_h;
        }
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }
}
