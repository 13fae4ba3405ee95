// DecodedImageCache: one verdict per file for all the documents of a batch.
#include "pamphlet/image.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <utility>

namespace pamphlet {

namespace {

std::size_t size_of(const ImageVerdict& verdict) {
    std::size_t bytes = verdict.problem.size() + verdict.svg.size() + verdict.svg_removed.size();
    if (verdict.decoded) {
        const DecodedImage& image = *verdict.decoded;
        bytes += image.data.size() + image.alpha.size() + image.png_stream.size();
    }
    return bytes;
}

}  // namespace

struct DecodedImageCache::Impl {
    using Result = std::shared_ptr<const ImageVerdict>;
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
    using Key = std::pair<std::filesystem::path, PixelNeed>;
    std::map<Key, Entry> entries;
    std::size_t held = 0;
    std::uint64_t clock = 0;
    std::size_t decodes = 0;
};

DecodedImageCache::DecodedImageCache(std::size_t budget_bytes) : impl_(std::make_unique<Impl>()) {
    impl_->budget = budget_bytes;
}

DecodedImageCache::~DecodedImageCache() = default;

std::shared_ptr<const ImageVerdict> DecodedImageCache::judge(const std::filesystem::path& file,
                                                             PixelNeed pixels) {
    Impl& d = *impl_;
    std::promise<Impl::Result> promise;
    std::unique_lock<std::mutex> lock(d.mutex);
    const Impl::Key key{file.lexically_normal(), pixels};
    auto [entry, inserted] = d.entries.try_emplace(key);
    entry->second.last_use = ++d.clock;
    if (!inserted) {
        const std::shared_future<Impl::Result> known = entry->second.result;
        lock.unlock();
        return known.get();  // waits while another thread is still decoding it
    }
    entry->second.result = promise.get_future().share();
    ++d.decodes;
    lock.unlock();

    // Judged without the lock: other files go on being served meanwhile.
    auto result = std::make_shared<const ImageVerdict>(judge_image(file, pixels));
    promise.set_value(result);

    lock.lock();
    // Entries being decoded are never dropped, so this one is still there.
    Impl::Entry& done = d.entries.at(key);
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
