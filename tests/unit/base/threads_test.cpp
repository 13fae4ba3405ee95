#include "pamphlet/base/threads.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <vector>

using namespace pamphlet;

TEST_CASE("run_parallel does every item once") {
    std::vector<std::atomic<int>> done(100);
    run_parallel(done.size(), 3, [&](std::size_t i) { done[i]++; });
    for (const auto& d : done) CHECK(d.load() == 1);
}

TEST_CASE("background work is done in push order, and waited for by number") {
    for (bool threaded : {false, true}) {
        CAPTURE(threaded);
        BackgroundWork work(threaded, 2);
        std::mutex mutex;
        std::vector<int> order;
        std::vector<int> results(50, -1);
        std::vector<std::size_t> pieces;
        for (int i = 0; i < 50; ++i) {
            pieces.push_back(work.push([&, i] {
                results[static_cast<std::size_t>(i)] = i * i;
                const std::lock_guard<std::mutex> lock(mutex);
                order.push_back(i);
            }));
        }
        for (std::size_t i = 0; i < pieces.size(); ++i) CHECK(pieces[i] == i);
        work.wait(10);
        CHECK(work.done(10));
        CHECK(results[10] == 100);
        work.wait_all();
        for (int i = 0; i < 50; ++i) CHECK(results[static_cast<std::size_t>(i)] == i * i);
        const std::lock_guard<std::mutex> lock(mutex);
        REQUIRE(order.size() == 50);
        for (int i = 0; i < 50; ++i) CHECK(order[static_cast<std::size_t>(i)] == i);
    }
}

TEST_CASE("no more than max_waiting pieces wait at a time") {
    BackgroundWork work(true, 2);
    std::atomic<int> most{0};
    std::atomic<int> pushed{0};
    std::atomic<int> finished{0};
    for (int i = 0; i < 20; ++i) {
        work.push([&] {
            // Pieces pushed but not yet finished, this one included.
            const int waiting = pushed.load() - finished.load();
            int seen = most.load();
            while (waiting > seen && !most.compare_exchange_weak(seen, waiting)) {
            }
            finished++;
        });
        pushed++;
    }
    work.wait_all();
    CHECK(most.load() <= 3);  // two waiting, plus the one push() returned for last
}

TEST_CASE("background work pushed and not waited for is finished before it is destroyed") {
    std::atomic<int> done{0};
    {
        BackgroundWork work(true, 4);
        for (int i = 0; i < 10; ++i) work.push([&] { done++; });
    }
    CHECK(done.load() == 10);
}
