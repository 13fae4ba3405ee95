// SVG: the e-book takes the drawing only after what a reading system would
// run or fetch is taken out (reading systems need a manifest property for a
// scripted SVG and a network for a remote one): <script>, <foreignObject>
// (HTML inside the drawing), on* event handlers, and href / xlink:href /
// style url(…) references other than "#fragment" within the file or a
// data: PNG, JPEG or GIF. The file is written back by pugixml, so what the
// book holds is well-formed whatever the file was.
#include "image_formats.hpp"

#include <pugixml.hpp>

#include <cctype>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace pamphlet::image_detail {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view local_name(std::string_view name) {
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_inside_reference(std::string_view target) {
    std::string_view t = target;
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    if (t.starts_with("#")) return true;
    const std::string start = lower(t.substr(0, 16));
    return start.starts_with("data:image/png") || start.starts_with("data:image/jpeg") ||
           start.starts_with("data:image/gif");
}

// Whether CSS text names anything outside the file: @import, or url(…)
// that is not a fragment or a data: image.
bool css_reaches_out(std::string_view css) {
    const std::string text = lower(css);
    if (text.find("@import") != std::string::npos) return true;
    for (std::size_t at = text.find("url("); at != std::string::npos;
         at = text.find("url(", at + 4)) {
        std::string_view target = std::string_view(css).substr(at + 4);
        while (!target.empty() &&
               (target.front() == ' ' || target.front() == '"' || target.front() == '\'')) {
            target.remove_prefix(1);
        }
        if (!is_inside_reference(target)) return true;
    }
    return false;
}

// <set>/<animate> that would change a link or a handler after the fact.
bool animates_link(pugi::xml_node element) {
    const std::string name = lower(local_name(element.name()));
    if (name != "set" && name != "animate") return false;
    const std::string target = lower(local_name(element.attribute("attributeName").value()));
    return target == "href" || target == "src" || target.starts_with("on");
}

// <image>, <use> and <feImage> that show another file: taken out whole,
// since without their reference they would be invalid.
bool draws_other_file(pugi::xml_node element) {
    const std::string name = lower(local_name(element.name()));
    if (name != "image" && name != "use" && name != "feimage") return false;
    for (pugi::xml_attribute attribute : element.attributes()) {
        if (lower(local_name(attribute.name())) == "href" &&
            !is_inside_reference(attribute.value())) {
            return true;
        }
    }
    return false;
}

class Sanitiser {
public:
    void clean_root(pugi::xml_node root) {
        clean_attributes(root);
        clean(root);
    }

    void clean(pugi::xml_node node) {
        std::vector<pugi::xml_node> doomed;
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            const std::string name = lower(local_name(child.name()));
            if (name == "script" || name == "foreignobject" || name == "handler") {
                note("<" + std::string(child.name()) + ">");
                doomed.push_back(child);
            } else if (draws_other_file(child)) {
                note("<" + std::string(child.name()) + "> of another file");
                doomed.push_back(child);
            } else if (animates_link(child)) {
                note("<" + std::string(child.name()) + "> of a link or handler");
                doomed.push_back(child);
            } else if (name == "style" && css_reaches_out(child.child_value())) {
                note("a <style> that loads other files");
                doomed.push_back(child);
            } else {
                clean_attributes(child);
                clean(child);
            }
        }
        for (pugi::xml_node child : doomed) node.remove_child(child);
    }

    std::string removed() const {
        std::string text;
        for (const auto& [what, count] : removed_) {
            if (!text.empty()) text += ", ";
            text += what;
            if (count > 1) text += " (" + std::to_string(count) + " times)";
        }
        return text;
    }

private:
    void clean_attributes(pugi::xml_node element) {
        std::vector<pugi::xml_attribute> doomed;
        for (pugi::xml_attribute attribute : element.attributes()) {
            const std::string name = lower(local_name(attribute.name()));
            const std::string full = attribute.name();
            if (name.starts_with("on")) {
                note("the attribute '" + full + "'");
                doomed.push_back(attribute);
            } else if ((name == "href" || name == "src") &&
                       !is_inside_reference(attribute.value())) {
                note("a link to '" + std::string(attribute.value()).substr(0, 60) + "'");
                doomed.push_back(attribute);
            } else if (css_reaches_out(attribute.value())) {
                note("the attribute '" + full + "', which loads another file");
                doomed.push_back(attribute);
            }
        }
        for (pugi::xml_attribute attribute : doomed) element.remove_attribute(attribute);
    }

    void note(const std::string& what) { ++removed_[what]; }

    std::map<std::string, int> removed_;
};

}  // namespace

ImageVerdict judge_svg(std::string_view bytes) {
    pugi::xml_document document;
    // No doctype, no processing instructions (xml-stylesheet): entities are
    // never expanded and nothing is fetched.
    const pugi::xml_parse_result parsed =
        document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto);
    if (!parsed) {
        return unusable("corrupt SVG: " + std::string(parsed.description()) + " at byte " +
                        std::to_string(parsed.offset));
    }
    pugi::xml_node root = document.document_element();
    if (local_name(root.name()) != "svg") return unusable("corrupt SVG: its root is not <svg>");
    Sanitiser sanitiser;
    sanitiser.clean_root(root);
    std::ostringstream out;
    document.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    ImageVerdict verdict;
    verdict.status = ImageVerdict::Status::usable;
    verdict.info.format = ImageInfo::Format::svg;
    verdict.svg = out.str();
    verdict.svg_removed = sanitiser.removed();
    return verdict;
}

}  // namespace pamphlet::image_detail
