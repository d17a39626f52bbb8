// One function per kind of page (content-format §7). Each is pure: model in, file out.
#pragma once

#include "model/site_model.h"
#include "output/output_file.h"
#include "render/render_context.h"
#include "render/templates.h"

namespace nianbao {

/// The bodies of one edition's narratives, by the narrative's language.
using NarrativeBodies = std::map<std::string, std::shared_ptr<const NarrativeBody>>;

/// The bodies a model holds (free-standing pages; every narrative in serve).
NarrativeBodies HeldBodies(const std::map<std::string, Narrative>& narratives);

/// The report page of an edition in `lang` with its charts' CSV files (PageOf finds the
/// page among them); `bodies` holds the body of each of the edition's narratives.
OutputFiles RenderReportPage(const RenderInputs& in, const Templates& t, const std::string& lang,
                             const Edition& edition, const NarrativeBodies& bodies);
/// The page among a page's files (its chart CSV files come with it).
const OutputFile& PageOf(const OutputFiles& files);
OutputFile RenderBureauPage(const RenderInputs& in, const Templates& t, const std::string& lang,
                            const Bureau& bureau);
/// The bureau page (first), followed by the CSV files of its trend charts.
OutputFiles RenderBureauFiles(const RenderInputs& in, const Templates& t, const std::string& lang,
                              const Bureau& bureau);
/// An edition's title in the page's language: its own narrative's, else made from the
/// bureau and period ("Alpha City AMR 2021 work report"), never another language's.
std::string ReportTitle(const PageContext& ctx, const Edition& edition);

/// The home page shows this many bureaus (in list order) and links the bureau index.
inline constexpr size_t kHomeBureaus = 12;

OutputFile RenderHomePage(const RenderInputs& in, const Templates& t, const std::string& lang);
OutputFile RenderFreePage(const RenderInputs& in, const Templates& t, const std::string& lang,
                          const Page& page);
/// index.html at the root: a link to each language and a redirect to the default one.
OutputFile RenderLanguageChoice(const RenderInputs& in, const Templates& t);

/// A narrative's HTML with its shortcodes and charts filled in (in the narrative's
/// language); chart CSV files are added to `files`.
std::string FillNarrative(const PageContext& ctx, const Templates& t, const Narrative& narrative,
                          const NarrativeBody& body, const Edition* edition, OutputFiles& files);

}  // namespace nianbao
