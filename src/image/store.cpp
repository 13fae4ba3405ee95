// ImageStore and ImageAsset: each image of a build read and judged once;
// its bytes and a PDF's pixels kept under one budget for all of them.
#include "image_formats.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/digest.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <utility>

namespace pamphlet {

namespace image_detail {

// What an asset keeps on demand, for all the assets of a store: an entry
// per asset and kind, made once by whichever thread asks first (the others
// wait for it), dropped least recently used first once they hold more than
// the budget. The assets share it, so it lives as long as any of them.
struct AssetCache {
    enum class Kind { bytes, pixels };
    using Value = std::shared_ptr<const void>;
    using Key = std::pair<std::uint64_t, Kind>;
    struct Entry {
        std::shared_future<Value> value;
        std::size_t bytes = 0;  // 0 while it is being made
        std::uint64_t last_use = 0;
    };

    explicit AssetCache(std::size_t budget_bytes) : budget(budget_bytes) {}

    // The entry for `key`, made by `make` (returning the value and its size)
    // when the cache does not hold it.
    template <class Make>
    Value get(const Key& key, Make make) {
        std::promise<Value> promise;
        std::unique_lock<std::mutex> lock(mutex);
        auto [entry, inserted] = entries.try_emplace(key);
        entry->second.last_use = ++clock;
        if (!inserted) {
            const std::shared_future<Value> known = entry->second.value;
            lock.unlock();
            return known.get();  // waits while another thread is still making it
        }
        entry->second.value = promise.get_future().share();
        lock.unlock();

        // Made without the lock: other entries go on being served meanwhile.
        std::pair<Value, std::size_t> made;
        try {
            made = make();
        } catch (...) {
            promise.set_exception(std::current_exception());
            lock.lock();
            entries.erase(key);
            throw;
        }
        promise.set_value(made.first);
        lock.lock();
        // Entries being made are never dropped, so this one is still there.
        hold(entries.at(key), made.second);
        return made.first;
    }

    // Puts a value made elsewhere (the bytes read at load) into the cache.
    void put(const Key& key, Value value, std::size_t size) {
        std::promise<Value> promise;
        promise.set_value(std::move(value));
        const std::lock_guard<std::mutex> lock(mutex);
        Entry& entry = entries[key];
        entry.value = promise.get_future().share();
        entry.last_use = ++clock;
        hold(entry, size);
    }

    void hold(Entry& entry, std::size_t size) {
        entry.bytes = std::max<std::size_t>(size, 1);
        held += entry.bytes;
        trim();
    }

    // Drops the least recently used entries until the rest fit.
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

    const std::size_t budget;
    std::mutex mutex;
    std::map<Key, Entry> entries;
    std::size_t held = 0;
    std::uint64_t clock = 0;
    std::atomic<std::size_t> reads{0};
    std::atomic<std::size_t> decodes{0};
};

namespace {

std::size_t size_of(const DecodedImage& image) {
    return image.data.size() + image.alpha.size() + image.png_stream.size();
}

// Reads and judges `file` into an asset of `cache`: the one place an image
// file is first read.
ImageHandle load_into(const std::shared_ptr<AssetCache>& cache, std::uint64_t serial,
                      const std::filesystem::path& file) {
    ++cache->reads;
    ++cache->decodes;
    FileRead read = read_file_limited(file, limits::image_file_bytes);
    ImageVerdict verdict;
    std::string sha256 = "unreadable";
    if (read.problem == FileRead::Problem::too_large) {
        verdict = over_limit(describe_problem(read, limits::image_file_bytes));
    } else if (!read.ok()) {
        verdict = unusable("the file " + describe_problem(read, limits::image_file_bytes));
    } else {
        auto bytes = std::make_shared<const std::string>(std::move(read.bytes));
        // The e-book's verdict: every check made, no pixels kept.
        verdict = judge_image_bytes(*bytes, PixelNeed::never);
        sha256 = sha256_hex(*bytes);
        const std::size_t size = bytes->size();
        cache->put({serial, AssetCache::Kind::bytes}, std::move(bytes), size);
    }
    return std::make_shared<const ImageAsset>(file, std::move(verdict), std::move(sha256), cache,
                                              serial);
}

}  // namespace

}  // namespace image_detail

using image_detail::AssetCache;

ImageAsset::ImageAsset(std::filesystem::path file, ImageVerdict verdict, std::string sha256,
                       std::shared_ptr<AssetCache> cache, std::uint64_t serial)
    : file_(std::move(file)),
      verdict_(std::move(verdict)),
      sha256_(std::move(sha256)),
      has_pixels_(verdict_.decoded.has_value()),
      cache_(std::move(cache)),
      serial_(serial) {
    verdict_.decoded.reset();  // a JPEG's would be a copy of its file
}

ImageAsset::~ImageAsset() {
    // Its entries would never be asked for again.
    const std::lock_guard<std::mutex> lock(cache_->mutex);
    for (AssetCache::Kind kind : {AssetCache::Kind::bytes, AssetCache::Kind::pixels}) {
        auto entry = cache_->entries.find({serial_, kind});
        if (entry == cache_->entries.end() || entry->second.bytes == 0) continue;
        cache_->held -= entry->second.bytes;
        cache_->entries.erase(entry);
    }
}

std::shared_ptr<const std::string> ImageAsset::bytes() const {
    AssetCache& cache = *cache_;
    return std::static_pointer_cast<const std::string>(
        cache.get({serial_, AssetCache::Kind::bytes}, [&] {
            // Let go under the budget since the load: read again.
            ++cache.reads;
            FileRead read = read_file_limited(file_, limits::image_file_bytes);
            std::pair<AssetCache::Value, std::size_t> made{nullptr, 0};
            if (read.ok()) {
                made.second = read.bytes.size();
                made.first = std::make_shared<const std::string>(std::move(read.bytes));
            }
            return made;
        }));
}

std::shared_ptr<const DecodedImage> ImageAsset::pixels() const {
    if (!has_pixels()) return nullptr;
    AssetCache& cache = *cache_;
    return std::static_pointer_cast<const DecodedImage>(
        cache.get({serial_, AssetCache::Kind::pixels}, [&] {
            std::pair<AssetCache::Value, std::size_t> made{nullptr, 0};
            const std::shared_ptr<const std::string> file = bytes();
            if (!file) return made;
            ++cache.decodes;
            ImageVerdict verdict = judge_image_bytes(*file, PixelNeed::unless_png_stream);
            if (!verdict.decoded) return made;
            made.second = image_detail::size_of(*verdict.decoded);
            made.first = std::make_shared<const DecodedImage>(std::move(*verdict.decoded));
            return made;
        }));
}

struct ImageStore::Impl {
    std::shared_ptr<AssetCache> cache;
    std::mutex mutex;
    std::map<std::filesystem::path, std::shared_future<ImageHandle>> assets;
    std::uint64_t serials = 0;
};

ImageStore::ImageStore(std::size_t budget_bytes) : impl_(std::make_unique<Impl>()) {
    impl_->cache = std::make_shared<AssetCache>(budget_bytes);
}

ImageStore::~ImageStore() = default;

ImageHandle ImageStore::load(const std::filesystem::path& file) {
    Impl& d = *impl_;
    // One file by any spelling of its path (relative from collection.yaml,
    // absolute from an article) is one asset.
    std::error_code ec;
    std::filesystem::path key = std::filesystem::absolute(file, ec).lexically_normal();
    if (ec) key = file.lexically_normal();
    std::promise<ImageHandle> promise;
    std::unique_lock<std::mutex> lock(d.mutex);
    auto [entry, inserted] = d.assets.try_emplace(key);
    if (!inserted) {
        const std::shared_future<ImageHandle> known = entry->second;
        lock.unlock();
        return known.get();
    }
    entry->second = promise.get_future().share();
    const std::uint64_t serial = ++d.serials;
    lock.unlock();
    try {
        ImageHandle asset = image_detail::load_into(d.cache, serial, file.lexically_normal());
        promise.set_value(asset);
        return asset;
    } catch (...) {
        promise.set_exception(std::current_exception());
        throw;
    }
}

std::size_t ImageStore::reads() const {
    return impl_->cache->reads;
}

std::size_t ImageStore::decodes() const {
    return impl_->cache->decodes;
}

ImageHandle load_image(const std::filesystem::path& file) {
    auto cache = std::make_shared<AssetCache>(std::size_t{256} << 20);
    return image_detail::load_into(cache, 1, file.lexically_normal());
}

}  // namespace pamphlet
