#include "pamphlet/hyphenation.hpp"
#include "pamphlet/profile.hpp"

namespace pamphlet {

HyphenationSettings hyphenation_settings(const Profile& profile) {
    HyphenationSettings settings;
    settings.exceptions = profile.hyphenation_exceptions;
    settings.min_word = profile.hyphenation_min_word;
    settings.left_min = profile.hyphenation_left_min;
    settings.right_min = profile.hyphenation_right_min;
    return settings;
}

}  // namespace pamphlet
