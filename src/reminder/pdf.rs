//! Turns a [`Layout`] into PDF bytes.
//!
//! Each face is embedded as a subset (only the glyphs the reminder uses, a few kilobytes
//! instead of 750 KB) in a Type 0 / CIDFontType2 font with Identity-H encoding, so a glyph is
//! addressed by its two-byte id in the subset. A ToUnicode CMap maps every glyph back to its
//! characters, which is what lets `pdftotext`, copy-and-paste and screen readers get the real
//! Cyrillic text and ₽ back. Content streams are left uncompressed: the pages are a few
//! kilobytes each and stay readable in tests.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;
use ttf_parser::GlyphId;

use super::ReminderError;
use super::layout::{FRAME_STROKE, Layout, PAGE_HEIGHT, PAGE_WIDTH};
use super::pdf_font::{FontFace, Weight};

/// Glyphs one face draws, and the characters each stands for.
struct UsedFont<'f> {
    face: &'f FontFace,
    weight: Weight,
    remapper: GlyphRemapper,
    /// New (subset) glyph id → the text it stands for, for the ToUnicode CMap.
    text_of: BTreeMap<u16, String>,
}

impl<'f> UsedFont<'f> {
    fn new(face: &'f FontFace, weight: Weight) -> Self {
        // The missing-glyph box is always glyph 0 of the subset.
        Self {
            face,
            weight,
            remapper: GlyphRemapper::new(),
            text_of: BTreeMap::new(),
        }
    }

    /// The line as two-byte subset glyph ids, remembering what each glyph means.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let old = self.face.glyph(c);
            let new = self.remapper.remap(old.0);
            if old.0 != 0 {
                self.text_of.entry(new).or_insert_with(|| c.to_string());
            }
            bytes.extend_from_slice(&new.to_be_bytes());
        }
        bytes
    }

    fn resource_name(&self) -> Name<'static> {
        match self.weight {
            Weight::Regular => Name(b"F1"),
            Weight::Bold => Name(b"F2"),
        }
    }

    /// «ABCDEF+Name», the PDF convention for a subset font; the tag is fixed so that the same
    /// reminder always gives the same bytes.
    fn base_font(&self) -> String {
        let tag = match self.weight {
            Weight::Regular => "OPORAR",
            Weight::Bold => "OPORAB",
        };
        format!("{tag}+{}", self.face.postscript_name)
    }
}

/// Renders `layout` with the two faces; `title` goes into the document information.
pub(crate) fn render(
    layout: &Layout,
    title: &str,
    regular: &FontFace,
    bold: &FontFace,
) -> Result<Vec<u8>, ReminderError> {
    let mut fonts = [
        UsedFont::new(regular, Weight::Regular),
        UsedFont::new(bold, Weight::Bold),
    ];
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog_id = alloc();
    let tree_id = alloc();
    let info_id = alloc();

    // Content streams first: they decide which glyphs each subset needs.
    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let mut content = Content::new();
        if !page.frames.is_empty() {
            content.set_stroke_gray(0.0).set_line_width(FRAME_STROKE);
            for frame in &page.frames {
                content
                    .rect(frame.x, frame.y, frame.width, frame.height)
                    .stroke();
            }
        }
        content.set_fill_gray(0.0);
        content.begin_text();
        let mut current: Option<(Weight, f32)> = None;
        for line in &page.lines {
            let font = match line.weight {
                Weight::Regular => &mut fonts[0],
                Weight::Bold => &mut fonts[1],
            };
            if current != Some((line.weight, line.size)) {
                content.set_font(font.resource_name(), line.size);
                current = Some((line.weight, line.size));
            }
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, line.x, line.baseline]);
            content.show(Str(&font.encode(&line.text)));
        }
        content.end_text();
        pages.push((alloc(), alloc(), content.finish()));
    }

    let mut pdf = Pdf::new();
    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    // The viewer's window shows the lesson title, not the file name.
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();
    pdf.document_info(info_id)
        .title(TextStr(title))
        .producer(TextStr("Opora"));
    pdf.pages(tree_id)
        .kids(pages.iter().map(|(page_id, _, _)| *page_id))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));

    let font_ids: Vec<Ref> = fonts.iter().map(|_| alloc()).collect();
    for (page_id, content_id, content) in &pages {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree_id);
        page.contents(*content_id);
        let mut resources = page.resources();
        let mut names = resources.fonts();
        for (font, id) in fonts.iter().zip(&font_ids) {
            names.pair(font.resource_name(), *id);
        }
        names.finish();
        resources.finish();
        page.finish();
        pdf.stream(*content_id, content);
    }

    for (font, type0_id) in fonts.iter().zip(&font_ids) {
        write_font(&mut pdf, font, *type0_id, &mut alloc)?;
    }

    Ok(pdf.finish())
}

fn write_font(
    pdf: &mut Pdf,
    font: &UsedFont,
    type0_id: Ref,
    alloc: &mut impl FnMut() -> Ref,
) -> Result<(), ReminderError> {
    let (cid_id, descriptor_id, file_id, cmap_id) = (alloc(), alloc(), alloc(), alloc());
    let face = font.face;
    let base_font = font.base_font();
    let subset = subsetter::subset(face.data, 0, &font.remapper).map_err(|e| {
        ReminderError::Font(format!("{}: cannot subset: {e}", face.postscript_name))
    })?;

    pdf.type0_font(type0_id)
        .base_font(Name(base_font.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let to_pdf_units = |units: f32| units * 1000.0 / face.units_per_em as f32;
    // Widths of the subset's glyphs 0, 1, 2, … in thousandths of the em.
    let widths: Vec<f32> = font
        .remapper
        .remapped_gids()
        .map(|old| to_pdf_units(face.glyph_advance(GlyphId(old)) as f32))
        .collect();
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(Name(base_font.as_bytes()))
        .system_info(system_info)
        .font_descriptor(descriptor_id)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid.widths().consecutive(0, widths);
    cid.finish();

    let ttf = &face.face;
    let bbox = ttf.global_bounding_box();
    let (ascender, descender) = (f32::from(ttf.ascender()), f32::from(ttf.descender()));
    let cap_height = ttf.capital_height().map(f32::from).unwrap_or(ascender);
    let weight = f32::from(ttf.weight().to_number());
    pdf.font_descriptor(descriptor_id)
        .name(Name(base_font.as_bytes()))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(
            to_pdf_units(f32::from(bbox.x_min)),
            to_pdf_units(f32::from(bbox.y_min)),
            to_pdf_units(f32::from(bbox.x_max)),
            to_pdf_units(f32::from(bbox.y_max)),
        ))
        .italic_angle(0.0)
        .ascent(to_pdf_units(ascender))
        .descent(to_pdf_units(descender))
        .cap_height(to_pdf_units(cap_height))
        .stem_v(10.0 + 0.244 * (weight - 50.0))
        .font_file2(file_id);

    let length = i32::try_from(subset.len())
        .map_err(|_| ReminderError::Font(format!("{}: subset too large", face.postscript_name)))?;
    pdf.stream(file_id, &subset).pair(Name(b"Length1"), length);

    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system_info);
    for (glyph, text) in &font.text_of {
        cmap.pair_with_multiple(*glyph, text.chars());
    }
    pdf.cmap(cmap_id, &cmap.finish())
        .writing_mode(pdf_writer::writers::WMode::Horizontal);
    Ok(())
}
