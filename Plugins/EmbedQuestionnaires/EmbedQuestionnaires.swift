import Foundation
import PackagePlugin

/// Embeds every `Questionnaires/*.yaml` file into the `GripBundled` target, so the
/// bundled instruments travel inside the binary instead of beside it.
@main
struct EmbedQuestionnaires: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Questionnaires")
        let inputs = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedQuestionnaires.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) bundled questionnaires",
                executable: try context.tool(named: "GripEmbedTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
