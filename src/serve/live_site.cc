#include "serve/live_site.h"

#include "serve/reload_script.h"

namespace nianbao {

namespace {

// Events kept for streams that fall behind (a tab busy reloading); older ones are dropped.
constexpr size_t kKeptEvents = 64;

}  // namespace

LiveSite::LiveSite(std::string instance) : instance_(std::move(instance)) {
  auto state = std::make_shared<SiteState>();
  state->version = instance_ + "-0";
  state_ = std::move(state);
}

void LiveSite::Publish(std::shared_ptr<const SiteFiles> files,
                       const std::vector<std::string>& changed) {
  {
    std::lock_guard lock(mutex_);
    auto state = std::make_shared<SiteState>();
    // The first good build replaces the "site has errors" page everywhere.
    bool first = state_->files == nullptr;
    state->files = std::move(files);
    state->version = instance_ + "-" + std::to_string(++good_builds_);
    std::string wire =
        first ? ReloadAllEvent(state->version) : ReloadEvent(state->version, changed);
    Push(std::move(state), std::move(wire));
  }
  changed_.notify_all();
}

void LiveSite::Fail(const std::string& summary, const std::string& text) {
  {
    std::lock_guard lock(mutex_);
    auto state = std::make_shared<SiteState>(*state_);
    state->failing = true;
    state->error_event = BuildErrorEvent(summary, text);
    std::string wire = state->error_event;
    Push(std::move(state), std::move(wire));
  }
  changed_.notify_all();
}

void LiveSite::Push(std::shared_ptr<SiteState> state, std::string wire) {
  state->seq = state_->seq + 1;
  recent_.push_back({state->seq, std::move(wire)});
  if (recent_.size() > kKeptEvents) recent_.pop_front();
  state_ = std::move(state);
}

std::shared_ptr<const SiteState> LiveSite::Current() const {
  std::lock_guard lock(mutex_);
  return state_;
}

std::vector<SiteEvent> LiveSite::WaitForEvents(uint64_t after, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || state_->seq > after; });
  if (closed_ || state_->seq <= after) return {};
  if (recent_.front().seq > after + 1) {
    std::vector<SiteEvent> out{{state_->seq, ReloadAllEvent(state_->version)}};
    if (state_->failing) out.push_back({state_->seq, state_->error_event});
    return out;
  }
  std::vector<SiteEvent> out;
  for (const SiteEvent& e : recent_) {
    if (e.seq > after) out.push_back(e);
  }
  return out;
}

void LiveSite::Close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool LiveSite::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace nianbao
