// The site the preview server shows right now, and the events that tell open pages about
// each change. Written by the rebuild threads, read by every HTTP worker: thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "serve/site_files.h"

namespace nianbao {

/// One published state. Immutable: readers keep the shared_ptr as long as they need it.
struct SiteState {
  std::shared_ptr<const SiteFiles> files;  // the last good build; null until one succeeds
  std::string version;                     // "<instance>-<number of good builds>"
  bool failing = false;                    // the latest build failed
  std::string error_event;                 // its SSE "build-error" event when failing
  uint64_t seq = 0;                        // the last event's number
};

/// An event in SSE wire form, numbered from 1.
struct SiteEvent {
  uint64_t seq = 0;
  std::string wire;
};

class LiveSite {
 public:
  /// `instance` tells this server's versions from another's (a restarted server).
  explicit LiveSite(std::string instance);
  LiveSite(const LiveSite&) = delete;
  LiveSite& operator=(const LiveSite&) = delete;

  /// A good build: serve `files` and tell pages that `changed` paths changed.
  void Publish(std::shared_ptr<const SiteFiles> files, const std::vector<std::string>& changed);
  /// A failed build: keep serving the last good files; pages show `text` in an overlay.
  void Fail(const std::string& summary, const std::string& text);

  std::shared_ptr<const SiteState> Current() const;

  /// Waits until there are events after `after`, `timeout` passes or Close() is called, and
  /// returns those events (empty on timeout or close). A stream so far behind that its
  /// events were dropped gets one "reload everything" event instead.
  std::vector<SiteEvent> WaitForEvents(uint64_t after, std::chrono::milliseconds timeout);

  /// Wakes every waiter for good: streams end, so the server can stop.
  void Close();
  bool closed() const;

 private:
  // Makes `state` current and records its event; mutex_ held.
  void Push(std::shared_ptr<SiteState> state, std::string wire);

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string instance_;
  uint64_t good_builds_ = 0;
  std::shared_ptr<const SiteState> state_;
  std::deque<SiteEvent> recent_;  // the last kKeptEvents events
  bool closed_ = false;
};

}  // namespace nianbao
