#include "pamphlet/digest.hpp"

#include "pamphlet/base/files.hpp"

#include <nettle/sha1.h>
#include <nettle/sha2.h>

namespace pamphlet {

struct Sha256::Impl {
    sha256_ctx context;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {
    sha256_init(&impl_->context);
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    sha256_update(&impl_->context, bytes.size(),
                  reinterpret_cast<const std::uint8_t*>(bytes.data()));
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&impl_->context, SHA256_DIGEST_SIZE, digest);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * SHA256_DIGEST_SIZE);
    for (std::uint8_t byte : digest) {
        out += hex[byte >> 4];
        out += hex[byte & 0x0F];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return hash.hex_digest();
}

std::optional<std::string> sha256_file_hex(const std::filesystem::path& file) {
    // A file swapped for a named pipe since it was checked is refused, not
    // waited on (the inputs are hashed beside the build, on another core).
    Sha256 hash;
    if (!read_file_in_blocks(file, [&](std::string_view bytes) { hash.update(bytes); }))
        return std::nullopt;
    return hash.hex_digest();
}

std::array<std::uint8_t, 20> sha1(std::string_view bytes) {
    std::array<std::uint8_t, 20> out{};
    static_assert(SHA1_DIGEST_SIZE == 20);
    sha1_ctx context;
    sha1_init(&context);
    sha1_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    sha1_digest(&context, SHA1_DIGEST_SIZE, out.data());
    return out;
}

}  // namespace pamphlet
