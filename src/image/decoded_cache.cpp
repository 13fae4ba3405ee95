// DecodedImageCache: one decode per file for all the documents of a batch.
#include "pamphlet/image.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>

namespace pamphlet {

namespace {

std::size_t size_of(const ImageDecodeResult& result) {
    if (!result.image) return result.error.size();
    const DecodedImage& image = *result.image;
    return image.data.size() + image.alpha.size() + image.png_stream.size();
}

}  // namespace

struct DecodedImageCache::Impl {
    using Result = std::shared_ptr<const ImageDecodeResult>;
    struct Entry {
        std::shared_future<Result> result;
        std::size_t bytes = 0;  // 0 while it is being decoded
        std::uint64_t last_use = 0;
    };

    // Drops the least recently used decoded entries until the rest fit.
    void trim() {
        while (held > budget) {
            auto oldest = entries.end();
            for (auto it = entries.begin(); it != entries.end(); ++it) {
                if (it->second.bytes == 0) continue;
                if (oldest == entries.end() || it->second.last_use < oldest->second.last_use)
                    oldest = it;
            }
            if (oldest == entries.end()) return;
            held -= oldest->second.bytes;
            entries.erase(oldest);
        }
    }

    std::size_t budget = 0;
    std::mutex mutex;
    std::map<std::filesystem::path, Entry> entries;
    std::size_t held = 0;
    std::uint64_t clock = 0;
    std::size_t decodes = 0;
};

DecodedImageCache::DecodedImageCache(std::size_t budget_bytes) : impl_(std::make_unique<Impl>()) {
    impl_->budget = budget_bytes;
}

DecodedImageCache::~DecodedImageCache() = default;

std::shared_ptr<const ImageDecodeResult> DecodedImageCache::decode(
    const std::filesystem::path& file) {
    Impl& d = *impl_;
    std::promise<Impl::Result> promise;
    std::unique_lock<std::mutex> lock(d.mutex);
    auto [entry, inserted] = d.entries.try_emplace(file);
    entry->second.last_use = ++d.clock;
    if (!inserted) {
        const std::shared_future<Impl::Result> known = entry->second.result;
        lock.unlock();
        return known.get();  // waits while another thread is still decoding it
    }
    entry->second.result = promise.get_future().share();
    ++d.decodes;
    lock.unlock();

    // Decoded without the lock: other files go on being served meanwhile.
    ImageDecodeResult decoded = decode_image(file, PixelNeed::unless_png_stream);
    auto result = std::make_shared<const ImageDecodeResult>(std::move(decoded));
    promise.set_value(result);

    lock.lock();
    // Entries being decoded are never dropped, so this one is still there.
    Impl::Entry& done = d.entries.at(file);
    done.bytes = std::max<std::size_t>(size_of(*result), 1);
    d.held += done.bytes;
    d.trim();
    return result;
}

std::size_t DecodedImageCache::decodes() const {
    const std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->decodes;
}

}  // namespace pamphlet
