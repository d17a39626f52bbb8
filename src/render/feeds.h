// Atom feeds of editions, one per language: <lang>/feed.xml (RFC 4287).
#pragma once

#include <string>

#include "output/output_file.h"
#include "render/render_context.h"

namespace nianbao {

/// At most this many entries: the newest editions (a feed is for what is new, and its size
/// must not grow with the archive).
inline constexpr size_t kFeedEntries = 50;

/// The feed of `lang`: editions with a publication date (front matter `date`, in the
/// page's language or else the default one), newest first; ties by bureau list order and
/// edition. Ids are name-based UUIDs of bureau, edition and language, so they stay the
/// same whenever and wherever the site is rebuilt; dates are written as midnight UTC.
OutputFile RenderFeed(const RenderInputs& in, const std::string& lang);

/// A name-based (version 5, SHA-1) UUID of `name` in nianbao's namespace, as a URN.
std::string NameUuid(const std::string& name);

}  // namespace nianbao
