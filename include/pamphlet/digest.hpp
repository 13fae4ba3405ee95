// Cryptographic digests through GNU Nettle (SHA-NI where the processor has
// it). Only src/digest includes Nettle.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet {

// SHA-256, fed in pieces: what a build's outputs and inputs are known by
// (the manifest's sha256 and input digests).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    // The digest as 64 lower-case hex digits; the object is spent after it.
    std::string hex_digest();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

std::string sha256_hex(std::string_view bytes);
// The file's SHA-256, read in blocks; nullopt when it cannot be read.
std::optional<std::string> sha256_file_hex(const std::filesystem::path& file);

// SHA-1, for name-based UUIDs (RFC 4122 version 5), never for security.
std::array<std::uint8_t, 20> sha1(std::string_view bytes);

}  // namespace pamphlet
