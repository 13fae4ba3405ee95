// Links and images: what they point to, and what happens to those that
// cannot be followed.
#include "model_sexpr.hpp"

#include "pamphlet/image.hpp"

#include <doctest/doctest.h>

using pamphlet::test::body;
using pamphlet::test::codes;
using pamphlet::test::Parsed;

TEST_CASE("external links and fragments") {
    CHECK(body("[w](https://example.org/a?b=c) [m](mailto:x@example.org) [t](tel:+4930123)") ==
          R"((p (a ext:https://example.org/a?b=c "w") " " (a ext:mailto:x@example.org "m"))"
          R"( " " (a ext:tel:+4930123 "t")))");
    CHECK(body("[oben](#übungen)") == R"((p (a #übungen "oben")))");
    CHECK(body("[x](HTTP://EXAMPLE.ORG)") == R"((p (a ext:HTTP://EXAMPLE.ORG "x")))");
}

TEST_CASE("links to other articles of the collection") {
    CHECK(body("[a](fascia.de.md) [b](fascia.md) [c](./fascia.en.md) [d](fascia) "
               "[e](back-pain.md#tipps) [f](fascia#a%20b)") ==
          R"((p (a article:fascia "a") " " (a article:fascia "b") " " (a article:fascia "c"))"
          R"( " " (a article:fascia "d") " " (a article:back-pain#tipps "e"))"
          R"( " " (a article:fascia#a b "f")))");
}

TEST_CASE("links that cannot be followed keep their text") {
    Parsed p;
    CHECK(body("[pdf](files/plan.pdf)\n[other](unknown.de.md)\n[up](../fascia.md)", "de", &p) ==
          R"((p "pdf" (soft) "other" (soft) "up"))");
    CHECK(codes(p.sink) ==
          "warning local-link 4:1\nwarning local-link 5:1\nwarning local-link 6:1");
    CHECK(p.sink.diagnostics()[0].message ==
          "link to a local file that is not part of the collection: 'files/plan.pdf'; the link "
          "text is kept");

    Parsed q;
    CHECK(body("[*a*](javascript:alert(1)) [b](data:text/html,x) [c](VBScript:x) [d](ftp://x) "
               "[e]()",
               "de", &q) == R"((p (em "a") " b c d e"))");
    CHECK(codes(q.sink) ==
          "warning unsafe-link 4:1\nwarning unsafe-link 4:28\nwarning unsafe-link 4:50\n"
          "warning unsupported-link 4:66\nwarning empty-link 4:79");
}

TEST_CASE("local images") {
    Parsed p;
    CHECK(body("![Hüfte](images/hip%20joint.png) ![Knie](./images/../images/knee.png)", "de", &p) ==
          R"((p (img file:hip joint.png "Hüfte") " " (img file:knee.png "Knie")))");
    CHECK(codes(p.sink) == "");
    const auto& image = p.article->body->at(0).inlines.at(2);
    CHECK(image.image().asset->file().is_absolute());
    CHECK(image.image().asset->file() == image.image().asset->file().lexically_normal());
    CHECK(image.image().url == "./images/../images/knee.png");
}

TEST_CASE("image problems") {
    Parsed missing;
    CHECK(body("Text\n\n![Plan](images/plan.png)", "de", &missing) ==
          R"((p "Text") (figure (img missing:images/plan.png "Plan")))");
    CHECK(codes(missing.sink) == "error missing-file 6:1");

    Parsed remote;
    CHECK(body("Siehe ![ein Knie](https://example.org/knee.png).", "de", &remote) ==
          R"((p "Siehe ein Knie."))");
    CHECK(codes(remote.sink) == "warning remote-image 4:7");

    Parsed no_alt;
    CHECK(body("![](images/knee.png)", "de", &no_alt) == R"((figure (img file:knee.png "")))");
    CHECK(codes(no_alt.sink) == "warning missing-alt 4:1");

    Parsed scheme;
    CHECK(body("![x](data:image/png;base64,AAAA)", "de", &scheme) == R"((p "x"))");
    CHECK(codes(scheme.sink) == "warning unsupported-image 4:1");
}

TEST_CASE("a link around an image") {
    CHECK(body("[![Knie](images/knee.png)](https://example.org)") ==
          R"((p (a ext:https://example.org (img file:knee.png "Knie"))))");
}
