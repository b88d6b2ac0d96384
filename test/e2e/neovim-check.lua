-- Opens one draft in headless Neovim 0.7 with the Assessment Lint language server attached,
-- records the diagnostics, makes one edit, records them again, and writes both as JSON.
-- Run: nvim --headless -u NONE -i NONE -n -c "luafile neovim-check.lua", with the E2E_* variables set.
local server = os.getenv('E2E_SERVER')
local root = os.getenv('E2E_ROOT')
local file = os.getenv('E2E_FILE')
local filetype = os.getenv('E2E_FILETYPE')
local insert_after = tonumber(os.getenv('E2E_INSERT_AFTER_LINE'))
local insert_text = os.getenv('E2E_INSERT_TEXT')
local cleared_rule = os.getenv('E2E_CLEARED_RULE')
local kept_rule = os.getenv('E2E_KEPT_RULE')
local result_file = os.getenv('E2E_RESULT')
local timeout_ms = tonumber(os.getenv('E2E_TIMEOUT_MS') or '15000')

local result = { before = {}, after = {}, errors = {} }

local function finish(code)
  local handle = io.open(result_file, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.wait(timeout_ms, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit! ' .. code) end
end

local function snapshot(buf)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(found, {
      code = lsp.code or diagnostic.code,
      source = diagnostic.source,
      severity = diagnostic.severity,
      line = diagnostic.lnum + 1,
      column = diagnostic.col + 1,
      message = diagnostic.message,
    })
  end
  return found
end

local function has_rule(buf, rule)
  for _, diagnostic in ipairs(snapshot(buf)) do
    if diagnostic.code == rule then return true end
  end
  return false
end

local client_id = vim.lsp.start_client({
  name = 'assessment-lint',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'drafts' } },
  on_exit = function(code)
    if code ~= 0 then table.insert(result.errors, 'language server exited with ' .. code) end
  end,
})
if not client_id then
  table.insert(result.errors, 'the language server did not start')
  return finish(2)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
-- With -u NONE there is no filetype detection; the filetype becomes the languageId of didOpen.
vim.api.nvim_buf_set_option(buf, 'filetype', filetype)
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(timeout_ms, function() return has_rule(buf, cleared_rule) and has_rule(buf, kept_rule) end, 50) then
  table.insert(result.errors, 'the ' .. cleared_rule .. ' and ' .. kept_rule .. ' diagnostics did not both arrive')
  result.before = snapshot(buf)
  return finish(3)
end
result.before = snapshot(buf)

vim.api.nvim_buf_set_lines(buf, insert_after, insert_after, false, { insert_text })
-- A new set of diagnostics, not a momentary empty one: the kept rule is still reported.
if not vim.wait(timeout_ms, function() return not has_rule(buf, cleared_rule) and has_rule(buf, kept_rule) end, 50) then
  table.insert(result.errors, 'the ' .. cleared_rule .. ' diagnostic stayed after the edit, or ' .. kept_rule .. ' went')
  result.after = snapshot(buf)
  return finish(4)
end
result.after = snapshot(buf)
finish(0)
