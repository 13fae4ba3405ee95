#!/usr/bin/env bash
# Tagged PDF: the sample brochures (one and two columns, large print) carry
# a structure tree a screen reader can follow. poppler's `pdfinfo
# -struct-text` reads it back
# and qpdf's JSON shows the objects; both are held against the articles'
# Markdown: the headings in order, every paragraph and list item, the
# figures' alt texts; no running head, footer or page number in the tree.
source "$(dirname "$0")/lib.sh"
require_pdf_tools
command -v python3 >/dev/null || { echo "FAIL: python3 is not installed" >&2; exit 1; }
cd "$SOURCE_DIR"
export LC_ALL=C.UTF-8

run_pamphlet build samples/clinic -f pdf -p a4-handout -p a4-two-column -p large-print -o "$WORK/out"
expect_status 0 "build -f pdf -p a4-handout -p a4-two-column -p large-print"
for profile in a4-handout a4-two-column large-print; do
for lang in de en; do
  pdf=$WORK/out/clinic-$lang-$profile.pdf
  [[ -f $pdf ]] || { fail "missing $pdf"; continue; }
  pdf_clean "$pdf"
  info=$(pdfinfo "$pdf")
  grep -qx 'Tagged: *yes' <<<"$info" && pass "$lang: pdfinfo says Tagged: yes" || { fail "$lang: not tagged"; echo "$info" >&2; }
  grep -qx 'PDF version: *1.7' <<<"$info" && pass "$lang: PDF 1.7" || fail "$lang: not PDF 1.7"
  # The XMP packet is written uncompressed: PDF/UA-1 is claimed there.
  grep -aq '<pdfuaid:part>1</pdfuaid:part>' "$pdf" && pass "$lang: XMP metadata claims PDF/UA-1" || fail "$lang: no pdfuaid:part 1 in the XMP metadata"
  grep -aq '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">.' "$pdf" && pass "$lang: XMP metadata has a dc:title" || fail "$lang: no dc:title in the XMP metadata"
  pdfinfo -struct-text "$pdf" >"$WORK/struct-$lang" 2>"$WORK/struct-err-$lang" ||
    { fail "$lang: pdfinfo -struct-text"; cat "$WORK/struct-err-$lang" >&2; continue; }
  [[ -s $WORK/struct-err-$lang ]] && { fail "$lang: pdfinfo -struct-text complains"; cat "$WORK/struct-err-$lang" >&2; }
  qpdf --json --json-key=qpdf --json-stream-data=inline --decode-level=generalized "$pdf" >"$WORK/json-$lang"
  title=$(sed -n 's/^Title: *//p' <<<"$info")
  if python3 - "$lang" "$profile" "$title" "$WORK/struct-$lang" "$WORK/json-$lang" samples/clinic/articles/*."$lang".md <<'PY'
import base64, json, re, sys

lang, profile, document_title, struct_file, json_file, *articles = sys.argv[1:]
failures = 0

def fail(message):
    global failures
    failures += 1
    print(f"FAIL: {lang}: {message}", file=sys.stderr)

def letters(text):
    return re.sub(r"[\W_]", "", text).lower()

def words(text):
    # The words as a reader hears them: where a line ends at a space the
    # tree's text keeps it (a glyph of no advance), and a word the breaker
    # hyphenated is whole (its hyphen is an artifact). Punctuation and
    # typography (quotes, dashes) aside.
    return " ".join(w for w in (letters(part) for part in text.split()) if w)

# The tree as pdfinfo prints it: an element per line ("  P (block)"), its
# text on quoted lines below, two spaces a level.
elements = []  # (role, depth, parent index, own text and kids, block)
stack = []
for line in open(struct_file, encoding="utf-8"):
    line = line.rstrip("\n")
    depth = (len(line) - len(line.lstrip(" "))) // 2
    body = line.strip()
    if not body:
        continue
    if body.startswith('"'):
        owner = stack[depth - 1] if depth - 1 < len(stack) else stack[-1]
        elements[owner][3].append(body[1:-1] if body.endswith('"') else body[1:])
        continue
    if body.startswith("Object "):
        continue
    del stack[depth:]
    role = body.split(" ")[0]
    elements.append((role, depth, stack[-1] if stack else -1, [], "(inline)" not in body))
    if stack:
        elements[stack[-1]][3].append(len(elements) - 1)  # text and kids interleave
    stack.append(len(elements) - 1)

def text_of(index):
    # A block element is heard apart from the text around it; an inline one
    # (a Link) within it.
    return "".join(part if isinstance(part, str) else
                   f" {text_of(part)} " if elements[part][4] else text_of(part)
                   for part in elements[index][3])

def own_text(index):
    return "".join(part for part in elements[index][3] if isinstance(part, str))

def within(index):
    out = [index]
    for i, e in enumerate(elements):
        if e[2] in out and i not in out:
            out.append(i)
    return out

if not elements or elements[0][0] != "Document":
    fail("the tree's root is not a Document")
arts = [i for i, e in enumerate(elements) if e[0] == "Art"]
if len(arts) != len(articles):
    fail(f"{len(arts)} Art elements for {len(articles)} articles")

# The Markdown's blocks: title, headings, paragraphs, list items, figures.
def markdown_blocks(path):
    text = open(path, encoding="utf-8").read()
    front, body = text.split("\n---\n", 1)
    title = re.search(r"^title: (.*)$", front, re.M).group(1)
    blocks = []
    for chunk in re.split(r"\n\s*\n", body):
        lines = chunk.strip().splitlines()
        if not lines:
            continue
        first = lines[0]
        if first.startswith("#"):
            blocks.append(("H" + str(len(first) - len(first.lstrip("#"))), first.lstrip("# ")))
        elif first.startswith("!["):
            blocks.append(("Figure", re.match(r"!\[([^\]]*)\]", first).group(1)))
        elif re.match(r"([-*]|\d+\.) ", first):
            for item in re.split(r"\n(?=(?:[-*]|\d+\.) )", chunk.strip()):
                blocks.append(("LI", re.sub(r"^([-*]|\d+\.) ", "", item)))
        elif first.startswith(("|", ">", "```", "[^")):
            continue  # tables, quotes, code, notes: not in these checks
        else:
            blocks.append(("P", chunk))
    return title, blocks

def plain(markdown):
    markdown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # links: their text
    markdown = re.sub(r"\[\^[^\]]*\]", "", markdown)                # note references
    return markdown.replace("--", "–")

# What the Matterhorn Protocol asks that qpdf's JSON shows: the catalog
# says the file is marked, has a language and shows its title; every page
# has its parent tree key and tab order; every link annotation is in the
# tree (its /StructParent leads to a Link element) and says where it goes;
# every Figure has its /Alt.
alts = set()
objects = json.load(open(json_file, encoding="utf-8"))["qpdf"][1]
def value_of(ref):
    return objects.get("obj:" + ref, {}).get("value") if isinstance(ref, str) else ref
catalog = next(o["value"] for o in objects.values()
               if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Catalog")
if value_of(catalog.get("/MarkInfo", {})).get("/Marked") is not True:
    fail("the catalog's /MarkInfo does not say /Marked true")
if not catalog.get("/Lang"):
    fail("the catalog has no /Lang")
if value_of(catalog.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
    fail("the viewer preferences do not say /DisplayDocTitle true")
root = value_of(catalog.get("/StructTreeRoot"))
if not root:
    fail("the catalog has no /StructTreeRoot")
    sys.exit(1)
nums = value_of(root["/ParentTree"])["/Nums"]
parent_tree = dict(zip(nums[0::2], nums[1::2]))
pages = links = marked = header_cells = 0
id_tree = value_of(root.get("/IDTree")) or {}
note_ids = set(id_tree.get("/Names", [])[0::2])
for key, obj in objects.items():
    value = obj.get("value")
    if not isinstance(value, dict):
        continue
    if value.get("/Type") == "/Page":
        pages += 1
        if "/StructParents" not in value or value.get("/Tabs") != "/S":
            fail(f"page {key} has no /StructParents or no /Tabs /S")
            continue
        owners = parent_tree.get(value["/StructParents"])
        if not isinstance(owners, list):
            fail(f"page {key}'s /StructParents is not in the parent tree")
            continue
        # Every painting operator inside marked content (an element's, by
        # its MCID, or an artifact's), and each MCID's element in the tree.
        stream = objects.get("obj:" + value["/Contents"], {}).get("stream", {})
        content = base64.b64decode(stream.get("data", "")).decode("latin-1")
        depth, mcids = 0, 0
        for token in re.findall(r"<<.*?>>|\[[^\]]*\]|\S+", content, re.S):
            if token in ("BDC", "BMC"):
                depth += 1
            elif token == "EMC":
                depth -= 1
            elif token in ("TJ", "Tj", "f", "S", "Do") and depth == 0:
                fail(f"page {key}: '{token}' outside marked content")
                break
            elif token.startswith("<</MCID"):
                mcids += 1
        marked += mcids
        if mcids != len(owners):
            fail(f"page {key}: {mcids} MCIDs, {len(owners)} in the parent tree")
    if value.get("/Subtype") == "/Link":
        links += 1
        element = value_of(parent_tree.get(value.get("/StructParent"), None))
        if not element or element.get("/S") != "/Link":
            fail(f"link annotation {key} is not in a Link element")
        if not value.get("/Contents"):
            fail(f"link annotation {key} has no /Contents")
    if value.get("/S") == "/TH":
        header_cells += 1
        attributes = value_of(value.get("/A"))
        if not isinstance(attributes, dict) or attributes.get("/Scope") not in ("/Column", "/Row"):
            fail(f"TH {key} has no /Scope")
    if value.get("/S") == "/Note" and value.get("/ID") not in note_ids:
        fail(f"Note {key} has no /ID in the IDTree")
    if value.get("/S") == "/Figure":
        alt = value.get("/Alt")
        if not alt:
            fail(f"Figure {key} has no /Alt")
        else:
            alts.add(alt[2:] if alt.startswith("u:") else alt)
if marked == 0:
    fail("no marked content found in the pages' content streams")
if header_cells == 0:
    fail("no TH found (the stretching article has a table with a header row)")
print(f"ok: {lang}: {pages} pages ({marked} marked-content sequences) and {links} links checked against the Matterhorn conditions")

for art in arts:
    art_text = letters(text_of(art))
    inside = within(art)
    headings = [(elements[i][0], words(text_of(i))) for i in inside if re.fullmatch(r"H[1-6]", elements[i][0])]
    paragraphs = [f" {words(text_of(i))} " for i in inside if elements[i][0] == "P"]
    items = [f" {words(text_of(i))} " for i in inside if elements[i][0] == "LBody"]
    # Which article this is: the one whose title is its H1.
    matched = None
    for path in articles:
        title, blocks = markdown_blocks(path)
        if headings and headings[0] == ("H1", words(title)):
            matched = (path, title, blocks)
    if not matched:
        fail(f"an Art whose H1 is no article's title: {headings[:1]}")
        continue
    path, title, blocks = matched
    want = [("H1", words(title))] + [(kind, words(plain(text))) for kind, text in blocks if kind.startswith("H")]
    want = [(f"H{int(kind[1]) if kind != 'H1' else 1}", text) for kind, text in want]
    if headings != want:
        fail(f"{path}: headings {headings} instead of {want}")
    missing = 0
    for kind, text in blocks:
        target = f" {words(re.sub(r'[*_`]', '', plain(text)))} "
        if kind == "P" and not any(target in p for p in paragraphs):
            missing += 1
            fail(f"{path}: paragraph not in a P of its Art: {text[:60]}")
        if kind == "LI" and not any(target in item for item in items):
            missing += 1
            fail(f"{path}: list item not in an LBody of its Art: {text[:60]}")
        if kind == "Figure" and text not in alts:
            fail(f"{path}: no Figure has the alt text '{text}'")
    if missing == 0:
        print(f"ok: {lang}: {path}: headings in order, every paragraph and list item in its Art")

# The cover's title is the document's first heading, an H1, and no level is
# skipped after it (Matterhorn 14-002, 14-003).
heading_levels = [(int(e[0][1]), i) for i, e in enumerate(elements) if re.fullmatch(r"H[1-6]", e[0])]
if not heading_levels or heading_levels[0][0] != 1 or words(text_of(heading_levels[0][1])) != words(document_title):
    fail(f"the first heading is not an H1 of the title '{document_title}': {heading_levels[:1]}")
else:
    print(f"ok: {lang} {profile}: the first heading is the cover's title, an H1")
for (a, _), (b, i) in zip(heading_levels, heading_levels[1:]):
    if b > a + 1:
        fail(f"an H{b} after an H{a} (a level skipped): {text_of(i)[:60]}")

# Known line ends in these brochures: at a space in a heading and in a
# paragraph (a reader heard "thedifference", "youwonder" before the space
# glyph), and at a hyphen the breaker added, which must read whole.
known = {("en", "a4-handout"): [("what’s the difference", False), ("and you wonder", False)],
         ("de", "a4-handout"): [("Behandlungskosten", True)]}
strings = [part for e in elements for part in e[3] if isinstance(part, str)]
tree_words = f" {words(' '.join(text_of(i) for i in arts))} "
for phrase, hyphenated in known.get((lang, profile), []):
    if f" {words(phrase)} " not in tree_words:
        fail(f"the tree does not read '{phrase}' (glued at a line end?)")
    elif hyphenated and not any(a.endswith(phrase[:k]) and b.startswith(phrase[k:])
                                for a, b in zip(strings, strings[1:]) for k in range(2, len(phrase) - 1)):
        fail(f"'{phrase}' is no longer hyphenated at a line end: choose another word for this check")
    else:
        print(f"ok: {lang} {profile}: the tree reads '{phrase}'" + (" (hyphenated at a line end)" if hyphenated else ""))

# Page furniture stays out of the tree: no element of a bare page number,
# and the footer's clinic name only as often as the articles say it.
for i, e in enumerate(elements):
    own = own_text(i).strip()
    if own.isdigit():
        fail(f"a {e[0]} element holds a bare number '{own}' (a page number?)")
# (The covers name the clinic too: the count is the articles'.)
furniture = letters("Physiotherapie Lindenhof")
in_tree = letters("".join(text_of(i) for i in arts)).count(furniture)
in_articles = sum(letters(open(p, encoding="utf-8").read()).count(furniture) for p in articles)
if in_tree > in_articles:
    fail(f"the footer's 'Physiotherapie Lindenhof' is in the articles' elements {in_tree} times, in their Markdown {in_articles}")
sys.exit(1 if failures else 0)
PY
  then pass "$lang $profile: the structure tree reads like the articles"
  else fail "$lang $profile: the structure tree does not read like the articles"
  fi
done
done

# An imposed booklet is the print shop's file: untagged. With --no-impose
# the reading-order file is tagged.
run_pamphlet build samples/clinic -f pdf -l en -p a5-booklet -o "$WORK/booklet"
expect_status 0 "build a5-booklet"
pdfinfo "$WORK/booklet/clinic-en-a5-booklet.pdf" | grep -qx 'Tagged: *no' && pass "imposed booklet: untagged" || fail "imposed booklet is tagged"
grep -aq 'pdfuaid' "$WORK/booklet/clinic-en-a5-booklet.pdf" && fail "imposed booklet claims PDF/UA" || pass "imposed booklet: no PDF/UA claim"
run_pamphlet build samples/clinic -f pdf -l en -p a5-booklet --no-impose -o "$WORK/reading"
expect_status 0 "build a5-booklet --no-impose"
pdfinfo "$WORK/reading/clinic-en-a5-booklet.pdf" | grep -qx 'Tagged: *yes' && pass "--no-impose booklet: tagged" || fail "--no-impose booklet is not tagged"
grep -aq '<pdfuaid:part>1</pdfuaid:part>' "$WORK/reading/clinic-en-a5-booklet.pdf" && pass "--no-impose booklet claims PDF/UA-1" || fail "--no-impose booklet: no pdfuaid"

# pdfua: false is an untagged PDF that claims nothing: no structure tree,
# no marked content, no XMP packet.
cat >"$WORK/untagged.yaml" <<'YAML'
extends: a4-handout
pdfua: false
YAML
run_pamphlet build samples/clinic -f pdf -l en -p "$WORK/untagged.yaml" -o "$WORK/untagged"
expect_status 0 "build with pdfua: false"
untagged=$WORK/untagged/clinic-en-untagged.pdf
pdf_clean "$untagged"
pdfinfo "$untagged" | grep -qx 'Tagged: *no' && pass "pdfua: false: untagged" || fail "pdfua: false: tagged"
qpdf --qdf --object-streams=disable "$untagged" "$WORK/untagged-qdf.pdf" || fail "qpdf --qdf $untagged"
[[ -s $WORK/untagged-qdf.pdf ]] || fail "qpdf wrote no uncompressed copy of $untagged"
for absent in /StructTreeRoot /MCID /Metadata pdfuaid; do
  grep -aq -- "$absent" "$WORK/untagged-qdf.pdf" && fail "pdfua: false: $absent in the file" || pass "pdfua: false: no $absent"
done
finish
