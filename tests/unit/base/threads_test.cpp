#include "pamphlet/base/threads.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace pamphlet;

TEST_CASE("run_parallel does every item once") {
    std::vector<std::atomic<int>> done(100);
    run_parallel(done.size(), 3, [&](std::size_t i) { done[i]++; });
    for (const auto& d : done) CHECK(d.load() == 1);
}

TEST_CASE("background work is done once per piece, and waited for by number") {
    for (bool threaded : {false, true}) {
        CAPTURE(threaded);
        BackgroundWork work(threaded, 2);
        std::vector<std::atomic<int>> runs(50);
        std::vector<int> results(50, -1);
        std::vector<std::size_t> pieces;
        for (int i = 0; i < 50; ++i) {
            pieces.push_back(work.push([&, i] {
                results[static_cast<std::size_t>(i)] = i * i;
                runs[static_cast<std::size_t>(i)]++;
            }));
        }
        for (std::size_t i = 0; i < pieces.size(); ++i) CHECK(pieces[i] == i);
        work.wait(10);
        CHECK(work.done(10));
        CHECK(results[10] == 100);
        work.wait_all();
        for (std::size_t i = 0; i < 50; ++i) {
            CHECK(work.done(i));
            CHECK(results[i] == static_cast<int>(i * i));
            CHECK(runs[i].load() == 1);
        }
    }
}

TEST_CASE("a caller that waits does pieces not yet begun itself") {
    BackgroundWork work(true, 4);
    // The first piece holds the background thread until the second has run:
    // only the waiting caller can run the second.
    std::atomic<bool> first_began{false};
    std::atomic<bool> second_ran{false};
    std::thread::id second_ran_on;
    work.push([&] {
        first_began = true;
        for (int i = 0; i < 10000 && !second_ran.load(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    while (!first_began.load()) std::this_thread::yield();
    const std::size_t second = work.push([&] {
        second_ran_on = std::this_thread::get_id();
        second_ran = true;
    });
    work.wait(second);
    CHECK(second_ran.load());
    work.wait_all();
    CHECK(work.done(0));
    CHECK(second_ran_on == std::this_thread::get_id());
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
