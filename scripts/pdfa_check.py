#!/usr/bin/env python3
"""Structural PDF/A-2b checks with pikepdf (PyPI), for scripts/pdf-check.sh.

veraPDF, the reference validator, is distributed through Maven Central and GitHub, which this
project's machines cannot reach; no package on PyPI, npm, crates.io or Debian ships it. This
script checks, object by object, the PDF/A-2 level B requirements that can be decided from the
file's structure alone (ISO 19005-2):

  file          a PDF version of at most 1.7; a file identifier (/ID) in the trailer; no
                encryption
  metadata      an XMP metadata stream in the catalog that identifies PDF/A part 2 conformance
                B; the document title in the XMP dc:title and, if the information dictionary
                has one, the same title there
  output intent an /OutputIntents entry of subtype GTS_PDFA1 with an embedded ICC profile
                (/DestOutputProfile) whose colour components (/N) fit the device colour spaces
                the pages use
  fonts         every font used on a page (also inside form XObjects, annotation appearances
                and Type0 descendants) embedded: a font file in its descriptor (Type3 fonts are
                drawn by the file itself)
  actions       no JavaScript, Launch, Sound, Movie, ResetForm, ImportData or other forbidden
                actions, no additional-actions (/AA) dictionaries on the catalog or pages
  streams       no external stream data (/F, /FFilter, /FDecodeParms), no LZW compression
  images        no alternate images (/Alternates), no OPI, no /Interpolate true
  annotations   each annotation printable (flag bit 3), not hidden or invisible
  other         no embedded files (none is needed here), no PostScript XObjects, no
                /Encrypt; an optional-content configuration only with a /Name

What it cannot decide, and a real validator does: the rendering of every glyph against its font
program (widths, encodings, the .notdef glyph), colour-space details inside images and shadings,
the full XMP schema rules, transparency blending spaces. The Rust tests of the report crate and
the rendered pages (pdftoppm) cover what a reader sees.

Usage: pdfa_check.py FILE.pdf ...        checks each file; exit 1 on any failure
       pdfa_check.py --self-test FILE.pdf damages a copy of FILE in each checked way and fails
                                         unless every damaged copy is refused and FILE passes
"""
import io
import re
import sys

import pikepdf
from pikepdf import Name

FORBIDDEN_ACTIONS = {
    "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript", "/Hide",
    "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView",
}


def walk(obj, seen, visit):
    """Visit every dictionary and stream reachable from obj once (by object identity)."""
    stack = [obj]
    while stack:
        o = stack.pop()
        if isinstance(o, pikepdf.Object) and o.is_indirect:
            key = o.objgen
            if key in seen:
                continue
            seen.add(key)
        if isinstance(o, (pikepdf.Dictionary, pikepdf.Stream)):
            visit(o)
            for _, v in o.items():
                stack.append(v)
        elif isinstance(o, pikepdf.Array):
            stack.extend(o)


def xmp_text(pdf):
    meta = pdf.Root.get("/Metadata")
    if meta is None:
        return None
    return meta.read_bytes().decode("utf-8", "replace")


def xmp_value(xmp, name):
    """A simple XMP property, as an attribute (name="v") or an element (<name>v</name>)."""
    m = re.search(name + r'="([^"]*)"', xmp) or re.search("<" + name + r">([^<]*)<", xmp)
    return m.group(1) if m else None


def xmp_title(xmp):
    m = re.search(r"<dc:title>.*?<rdf:li[^>]*>([^<]*)</rdf:li>", xmp, re.S)
    return m.group(1) if m else None


def check(pdf):
    """The problems found, as sentences (empty when none)."""
    problems = []
    bad = problems.append

    version = pdf.pdf_version
    if tuple(int(x) for x in version.split(".")) > (1, 7):
        bad(f"PDF version {version} is above 1.7")
    if "/ID" not in pdf.trailer:
        bad("no file identifier (/ID) in the trailer")
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        bad("the file is encrypted")

    xmp = xmp_text(pdf)
    if xmp is None:
        bad("no XMP metadata stream in the catalog")
    else:
        if xmp_value(xmp, "pdfaid:part") != "2":
            bad("the XMP metadata does not say pdfaid:part 2")
        if (xmp_value(xmp, "pdfaid:conformance") or "").upper() != "B":
            bad("the XMP metadata does not say pdfaid:conformance B")
        title = xmp_title(xmp)
        if not title:
            bad("no dc:title in the XMP metadata")
        info = pdf.trailer.get("/Info")
        if info is not None and "/Title" in info and title is not None:
            if str(info.Title) != title.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"):
                bad("the information dictionary's title differs from the XMP dc:title")

    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == Name.GTS_PDFA1]
    components = None
    if not intents:
        bad("no output intent of subtype GTS_PDFA1")
    else:
        profile = intents[0].get("/DestOutputProfile")
        if profile is None or not isinstance(profile, pikepdf.Stream):
            bad("the output intent has no embedded ICC profile")
        else:
            components = int(profile.get("/N", 0))
            if components not in (1, 3, 4):
                bad(f"the ICC profile has {components} colour components")

    if "/AA" in pdf.Root:
        bad("the catalog has additional actions (/AA)")
    if "/Names" in pdf.Root and "/JavaScript" in pdf.Root.Names:
        bad("the document has JavaScript")
    if "/Names" in pdf.Root and "/EmbeddedFiles" in pdf.Root.Names:
        bad("the document has embedded files")
    oc = pdf.Root.get("/OCProperties")
    if oc is not None:
        for cfg in [oc.get("/D")] + list(oc.get("/Configs", [])):
            if cfg is not None and "/Name" not in cfg:
                bad("an optional-content configuration has no /Name")

    device_spaces = set()
    fonts_unembedded = set()

    def visit(d):
        t = d.get("/Type")
        s = d.get("/S")
        if s is not None and str(s) in FORBIDDEN_ACTIONS:
            bad(f"a forbidden action {s}")
        if "/JS" in d:
            bad("a JavaScript action (/JS)")
        if isinstance(d, pikepdf.Stream):
            for key in ("/F", "/FFilter", "/FDecodeParms"):
                if key in d.stream_dict:
                    bad(f"a stream with external data ({key})")
            filters = d.stream_dict.get("/Filter")
            names = [filters] if isinstance(filters, pikepdf.Name) else list(filters or [])
            if Name.LZWDecode in names:
                bad("a stream compressed with LZW")
            if d.stream_dict.get("/Subtype") == Name.Image:
                if "/Alternates" in d.stream_dict:
                    bad("an image with alternates")
                if "/OPI" in d.stream_dict:
                    bad("an image with OPI")
                if d.stream_dict.get("/Interpolate") is True:
                    bad("an image with /Interpolate true")
            if d.stream_dict.get("/Subtype") == Name.PS:
                bad("a PostScript XObject")
        if t == Name.Font or (t is None and "/BaseFont" in d and "/Subtype" in d):
            sub = d.get("/Subtype")
            if sub == Name.Type0 or sub == Name.Type3:
                return
            desc = d.get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                fonts_unembedded.add(str(d.get("/BaseFont", "?")))
        if t == Name.Annot or "/Subtype" in d and "/Rect" in d and "/F" in d:
            flags = int(d.get("/F", 0))
            if not flags & 4:
                bad("an annotation that is not printable")
            if flags & 2 or flags & 1:
                bad("a hidden or invisible annotation")

    seen = set()
    # Everything reachable from the catalog (open action, outlines, names, pages and what they use).
    walk(pdf.Root, seen, visit)
    for page in pdf.pages:
        if "/AA" in page.obj:
            bad("a page has additional actions (/AA)")
        for op in pikepdf.parse_content_stream(page):
            name = str(op.operator)
            if name in ("rg", "RG"):
                device_spaces.add(3)
            elif name in ("k", "K"):
                device_spaces.add(4)
            elif name in ("g", "G"):
                device_spaces.add(1)
    for f in sorted(fonts_unembedded):
        bad(f"the font {f} is not embedded")
    if components is not None and device_spaces:
        # A device colour space needs an output intent of the same kind (grey is allowed under
        # any profile).
        mismatched = {n for n in device_spaces if n != 1 and n != components}
        if mismatched:
            bad(f"the pages use a device colour space with {sorted(mismatched)} components, the output intent has {components}")
    # Each problem once, in the order found.
    return list(dict.fromkeys(problems))


def open_bytes(data):
    return pikepdf.open(io.BytesIO(data))


def damaged(data):
    """(what was damaged, the damaged file's bytes): each must fail the check."""
    def make(change):
        with open_bytes(data) as pdf:
            change(pdf)
            out = io.BytesIO()
            # Keep streams as they are: qpdf would otherwise decode LZW and write Flate.
            pdf.save(out, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
            return out.getvalue()

    def save_encrypted():
        with open_bytes(data) as pdf:
            out = io.BytesIO()
            pdf.save(out, encryption=pikepdf.Encryption(owner="o", user=""))
            return out.getvalue()

    def no_intent(pdf):
        del pdf.Root.OutputIntents

    def no_metadata(pdf):
        del pdf.Root.Metadata

    def part_1(pdf):
        xmp = pdf.Root.Metadata.read_bytes().replace(b'pdfaid:part="2"', b'pdfaid:part="1"')
        xmp = xmp.replace(b"<pdfaid:part>2<", b"<pdfaid:part>1<")
        pdf.Root.Metadata.write(xmp)

    def javascript(pdf):
        pdf.Root.OpenAction = pikepdf.Dictionary(S=Name.JavaScript, JS=pikepdf.String("app.alert(1)"))

    def unembedded_font(pdf):
        for page in pdf.pages:
            for _, font in page.obj.Resources.get("/Font", {}).items():
                targets = list(font.get("/DescendantFonts", [])) or [font]
                for t in targets:
                    desc = t.get("/FontDescriptor")
                    for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                        if desc is not None and k in desc:
                            del desc[k]
                            return

    def lzw(pdf):
        s = pikepdf.Stream(pdf, b"")
        # Bytes marked as already LZW-encoded (a clear-table code, then end of data).
        s.write(b"\x80\x40\x40", filter=Name.LZWDecode)
        res = pdf.pages[0].obj.Resources
        if "/XObject" not in res:
            res.XObject = pikepdf.Dictionary()
        res.XObject.Bad = pdf.make_indirect(s)

    def page_aa(pdf):
        pdf.pages[0].obj.AA = pikepdf.Dictionary()

    def other_title(pdf):
        pdf.trailer.Info.Title = pikepdf.String("Een andere titel")

    cases = [
        ("no output intent", no_intent),
        ("no XMP metadata", no_metadata),
        ("PDF/A part 1 in the XMP", part_1),
        ("JavaScript open action", javascript),
        ("a font not embedded", unembedded_font),
        ("an LZW stream", lzw),
        ("page additional actions", page_aa),
        ("a different title in the information dictionary", other_title),
    ]
    out = [(what, make(change)) for what, change in cases]
    out.append(("encrypted", save_encrypted()))
    return out


def main(argv):
    if len(argv) >= 2 and argv[0] == "--self-test":
        data = open(argv[1], "rb").read()
        with open_bytes(data) as pdf:
            base = check(pdf)
        if base:
            print(f"pdfa-check self-test: the original fails: {base}", file=sys.stderr)
            return 1
        failed = 0
        for what, bad_bytes in damaged(data):
            with pikepdf.open(io.BytesIO(bad_bytes), password="") as pdf:
                problems = check(pdf)
            if not problems:
                print(f"pdfa-check self-test: damage not caught: {what}", file=sys.stderr)
                failed = 1
            else:
                print(f"pdfa-check self-test: refused ({what}): {problems[0]}")
        if not failed:
            print("pdfa-check self-test: every damaged copy refused, the original passes")
        return failed
    status = 0
    for path in argv:
        with pikepdf.open(path) as pdf:
            problems = check(pdf)
            pages = len(pdf.pages)
        if problems:
            status = 1
            for p in problems:
                print(f"pdfa-check: {path}: {p}", file=sys.stderr)
        else:
            print(f"pdfa-check: {path}: PDF/A-2b structure in order ({pages} pages)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
