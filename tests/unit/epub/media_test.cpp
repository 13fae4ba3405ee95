#include "media.hpp"
#include "names.hpp"
#include "utc_time.hpp"

#include <doctest/doctest.h>

using namespace pamphlet::epub;

TEST_CASE("images are recognised by their first bytes") {
    using namespace std::string_literals;
    CHECK(sniff_image_format("\x89PNG\r\n\x1A\n...."s)->media_type == "image/png");
    CHECK(sniff_image_format("\xFF\xD8\xFF\xE0..JFIF"s)->extension == ".jpg");
    CHECK(sniff_image_format("GIF89a...."s)->media_type == "image/gif");
    CHECK(sniff_image_format("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- made by hand -->\n"
                             "<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"s)
              ->media_type == "image/svg+xml");
    CHECK_FALSE(sniff_image_format("RIFF\x1A\0\0\0WEBPVP8L"s));
    CHECK_FALSE(sniff_image_format("BM\x36\x00"s));
    CHECK_FALSE(sniff_image_format("<html><svg/></html>"s));
    CHECK_FALSE(sniff_image_format(""));
}

TEST_CASE("UTC calendar time without the C library") {
    CHECK(format_w3c_utc(utc_from_epoch(0)) == "1970-01-01T00:00:00Z");
    CHECK(format_w3c_utc(utc_from_epoch(1710244800)) == "2024-03-12T12:00:00Z");
    CHECK(format_w3c_utc(utc_from_epoch(951782400)) == "2000-02-29T00:00:00Z");
    CHECK(format_w3c_utc(utc_from_epoch(4102444799)) == "2099-12-31T23:59:59Z");
    CHECK(format_w3c_utc(utc_from_epoch(-1)) == "1969-12-31T23:59:59Z");
}

TEST_CASE("file names are safe and unique") {
    CHECK(safe_stem("Knie Übung (1)", "x") == "Knie-bung-1");
    CHECK(safe_stem("???", "image") == "image");
    UniqueNames names;
    names.reserve("title.xhtml");
    CHECK(names.claim("title", ".xhtml") == "title-2.xhtml");
    CHECK(names.claim("knee", ".png") == "knee.png");
    CHECK(names.claim("knee", ".png") == "knee-2.png");
}
