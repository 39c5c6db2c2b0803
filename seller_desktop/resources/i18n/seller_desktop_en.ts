<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>缓存文件无法读取</source>
        <translation>The cache cannot be read</translation>
    </message>
    <message>
        <source>本地缓存文件已损坏或无法读取，小店桌面无法打开它。

%1

可以重建缓存：未同步的修改会先导出到一个文件，然后从微信小店重新下载店铺数据。</source>
        <translation>The local cache file is damaged or unreadable, so Seller Desktop cannot open it.

%1

You can rebuild the cache: unsynced changes are first exported to a file, then the shop is downloaded again from WeChat Store.</translation>
    </message>
    <message>
        <source>导出未同步的修改并重建</source>
        <translation>Export unsynced changes and rebuild</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>已导出 %1 条未同步的修改到：
%2

损坏的文件已移到：
%3</source>
        <translation>Exported %1 unsynced changes to:
%2

The damaged file was moved to:
%3</translation>
    </message>
    <message>
        <source>没有未同步的修改。损坏的文件已移到：
%1</source>
        <translation>There were no unsynced changes. The damaged file was moved to:
%1</translation>
    </message>
    <message>
        <source>无法从损坏的文件中读出未同步的修改。损坏的文件已移到：
%1</source>
        <translation>Unsynced changes could not be read from the damaged file. It was moved to:
%1</translation>
    </message>
    <message>
        <source>缓存已重建</source>
        <translation>Cache rebuilt</translation>
    </message>
    <message>
        <source>缓存文件版本过新</source>
        <translation>Cache from a newer version</translation>
    </message>
    <message>
        <source>这个数据目录由更新版本的小店桌面创建，请升级后再打开。

%1</source>
        <translation>This data folder was created by a newer version of Seller Desktop. Please upgrade to open it.

%1</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>解决冲突</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>这些字段在你修改的同时也在微信小店后台被修改了。请逐个字段选择保留哪一边；一个商品的字段都选好后即会生效并同步。</source>
        <translation>These fields were also changed in the WeChat Store back office while you edited them. Choose which side to keep for each field; once every field of a product has a choice, it takes effect and syncs.</translation>
    </message>
    <message>
        <source>保留我的</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>采用服务器的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>短标题</source>
        <translation>Short title</translation>
    </message>
    <message>
        <source>主图</source>
        <translation>Main images</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>详情图</source>
        <translation>Description images</translation>
    </message>
    <message>
        <source>商品编码</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>划线价</source>
        <translation>List price</translation>
    </message>
    <message>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>SKU 图片</source>
        <translation>SKU image</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>整个 SKU %1</source>
        <translation>Whole SKU %1</translation>
    </message>
    <message>
        <source>%1（SKU %2）</source>
        <translation>%1 (SKU %2)</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>我的修改</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>服务器上的</source>
        <translation>Theirs (server)</translation>
    </message>
    <message>
        <source>选择</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>保留我的</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>采用服务器的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>未选择</source>
        <translation>Not chosen</translation>
    </message>
</context>
<context>
    <name>GiftsModel</name>
    <message>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>收下已过</source>
        <translation>Since accepted</translation>
    </message>
    <message>
        <source>过期时间</source>
        <translation>Expired at</translation>
    </message>
    <message>
        <source>礼物</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>送礼人</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>礼物留言</source>
        <translation>Gift note</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>收礼人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>即将过期</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <source>等待收下</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>未收下，已退款</source>
        <translation>Not accepted, refunded</translation>
    </message>
</context>
<context>
    <name>GiftsScreen</name>
    <message>
        <source>礼物需收礼人在 24 小时内填写地址并收下；收下后即变为待发货订单。双击一行查看订单。</source>
        <translation>A gift must be accepted by its recipient (who fills in an address) within 24 hours; then it becomes an order to ship. Double-click a row to open the order.</translation>
    </message>
    <message>
        <source>等待收下（%1）</source>
        <translation>Awaiting acceptance (%1)</translation>
    </message>
    <message>
        <source>已收下，待发货（%1）</source>
        <translation>Accepted, to ship (%1)</translation>
    </message>
    <message>
        <source>已过期（%1）</source>
        <translation>Expired (%1)</translation>
    </message>
</context>
<context>
    <name>Issues</name>
    <message>
        <source>请填写商品标题</source>
        <translation>Please enter a title</translation>
    </message>
    <message>
        <source>标题至少 %1 个字（现在 %2 个）</source>
        <translation>The title needs at least %1 characters (now %2)</translation>
    </message>
    <message>
        <source>标题最多 %1 个字（现在 %2 个）</source>
        <translation>The title can have at most %1 characters (now %2)</translation>
    </message>
    <message>
        <source>标题不能只有数字、字母或符号，请包含中文</source>
        <translation>The title cannot be only digits, letters or symbols: include Chinese</translation>
    </message>
    <message>
        <source>短标题最多 %1 个字</source>
        <translation>The short title can have at most %1 characters</translation>
    </message>
    <message>
        <source>主图最多 %1 张</source>
        <translation>At most %1 main images</translation>
    </message>
    <message>
        <source>主图至少 %1 张（现在 %2 张）</source>
        <translation>At least %1 main images (now %2)</translation>
    </message>
    <message>
        <source>主图不能重复</source>
        <translation>Main images must be different</translation>
    </message>
    <message>
        <source>请选择商品类目（可沿用已有商品的类目和设置）</source>
        <translation>Choose a category (you can reuse an existing product&apos;s category and settings)</translation>
    </message>
    <message>
        <source>快递发货的商品需要运费模板</source>
        <translation>A product shipped by express needs a freight template</translation>
    </message>
    <message>
        <source>请设置售后服务（七天无理由退货、运费险）</source>
        <translation>Set the after-sale service (7-day returns, shipping insurance)</translation>
    </message>
    <message>
        <source>SKU 数量须在 %1–%2 个之间</source>
        <translation>A product needs %1–%2 SKUs</translation>
    </message>
    <message>
        <source>售价必须大于 %1 元</source>
        <translation>The price must be more than ¥%1</translation>
    </message>
    <message>
        <source>售价不能超过 %1 万元</source>
        <translation>The price cannot exceed ¥%1 0000</translation>
    </message>
    <message>
        <source>划线价必须高于售价</source>
        <translation>The list price must be higher than the price</translation>
    </message>
    <message>
        <source>库存不能为负数</source>
        <translation>Stock cannot be negative</translation>
    </message>
    <message>
        <source>库存不能超过 %1 万</source>
        <translation>Stock cannot exceed %1 0000</translation>
    </message>
    <message>
        <source>SKU 编码不能超过 %1 个字符</source>
        <translation>The SKU code can have at most %1 characters</translation>
    </message>
    <message>
        <source>规格名和规格值都不能为空</source>
        <translation>Attribute names and values cannot be empty</translation>
    </message>
    <message>
        <source>规格名和规格值不能超过 %1 个字符</source>
        <translation>Attribute names and values can have at most %1 characters</translation>
    </message>
    <message>
        <source>两个 SKU 的规格完全相同</source>
        <translation>Two SKUs have exactly the same attributes</translation>
    </message>
    <message>
        <source>商品正在审核中，请先撤回审核再修改</source>
        <translation>The product is in review: withdraw the review before editing</translation>
    </message>
</context>
<context>
    <name>LabelPreview</name>
    <message>
        <source>选择一个已取号的订单，这里按实际尺寸预览面单</source>
        <translation>Select an order with a waybill number to preview its label at actual size here</translation>
    </message>
    <message>
        <source>%1 × %2 mm，实际尺寸（屏幕 %3 dpi）</source>
        <translation>%1 × %2 mm, actual size (screen %3 dpi)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>未上架</source>
        <translation>Not listed</translation>
    </message>
    <message>
        <source>在售</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>In recycle bin</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>已下架</source>
        <translation>Delisted</translation>
    </message>
    <message>
        <source>已售罄</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>违规下架</source>
        <translation>Removed (violation)</translation>
    </message>
    <message>
        <source>保证金不足</source>
        <translation>Deposit too low</translation>
    </message>
    <message>
        <source>资质过期</source>
        <translation>Qualification expired</translation>
    </message>
    <message>
        <source>封禁</source>
        <translation>Banned</translation>
    </message>
    <message>
        <source>编辑中</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>审核未通过</source>
        <translation>Review failed</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>提交中</source>
        <translation>Submitting</translation>
    </message>
    <message>
        <source>上传中</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <source>上传失败</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <source>待付款</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <source>礼物待收下</source>
        <translation>Gift awaiting acceptance</translation>
    </message>
    <message>
        <source>拼团中</source>
        <translation>Group buy forming</translation>
    </message>
    <message>
        <source>待核销</source>
        <translation>Awaiting redemption</translation>
    </message>
    <message>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <source>部分发货</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <source>待收货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已取消（超卖）</source>
        <translation>Cancelled (oversold)</translation>
    </message>
    <message>
        <source>已取消（售后）</source>
        <translation>Cancelled (after-sale)</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>微信好友</source>
        <translation>WeChat chat</translation>
    </message>
    <message>
        <source>微信群</source>
        <translation>WeChat group</translation>
    </message>
    <message>
        <source>公众号</source>
        <translation>Official Account</translation>
    </message>
    <message>
        <source>视频号</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>企业微信好友</source>
        <translation>WeCom chat</translation>
    </message>
    <message>
        <source>企业微信群</source>
        <translation>WeCom group</translation>
    </message>
    <message>
        <source>小程序</source>
        <translation>Mini Program</translation>
    </message>
    <message>
        <source>未知状态（%1）</source>
        <translation>Unknown status (%1)</translation>
    </message>
    <message>
        <source>%1天%2小时</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1小时%2分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1分%2秒</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>上传修改</source>
        <translation>Uploading changes</translation>
    </message>
    <message>
        <source>获取商品列表</source>
        <translation>Listing products</translation>
    </message>
    <message>
        <source>下载商品</source>
        <translation>Downloading products</translation>
    </message>
    <message>
        <source>获取订单列表</source>
        <translation>Listing orders</translation>
    </message>
    <message>
        <source>下载订单</source>
        <translation>Downloading orders</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>%1小时%2分%3秒</source>
        <translation>%1:%2:%3</translation>
    </message>
</context>
<context>
    <name>ListingsScreen</name>
    <message>
        <source>搜索标题、SKU 编码（Ctrl+F）</source>
        <translation>Search titles, SKU codes (Ctrl+F)</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>上架</source>
        <translation>List</translation>
    </message>
    <message>
        <source>下架</source>
        <translation>Delist</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>批量改价…</source>
        <translation>Change prices…</translation>
    </message>
    <message>
        <source>批量改库存…</source>
        <translation>Change stock…</translation>
    </message>
    <message>
        <source>选择一个商品查看 SKU</source>
        <translation>Select a product to see its SKUs</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>减库存</source>
        <translation>Stock −</translation>
    </message>
    <message>
        <source>加库存</source>
        <translation>Stock +</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>在售</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>未上架/已下架</source>
        <translation>Not listed / delisted</translation>
    </message>
    <message>
        <source>已售罄</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>审核中/未通过</source>
        <translation>In review / failed</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <source>有冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>共 %1 个商品</source>
        <translation>%1 products</translation>
    </message>
    <message>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>删除商品</source>
        <translation>Delete products</translation>
    </message>
    <message>
        <source>删除所选的 %1 个商品？删除后买家将看不到它们。</source>
        <translation>Delete the %1 selected products? Buyers will no longer see them.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>批量改价</source>
        <translation>Change prices</translation>
    </message>
    <message>
        <source>所选 %1 个商品的所有 SKU 价格调整（%，如 -10 表示降价 10%）</source>
        <translation>Change every SKU price of the %1 selected products by a percentage (e.g. -10 lowers prices by 10%)</translation>
    </message>
    <message>
        <source>批量改库存</source>
        <translation>Change stock</translation>
    </message>
    <message>
        <source>所选 %1 个商品的每个 SKU 库存增减（负数为减少）</source>
        <translation>Add to the stock of every SKU of the %1 selected products (negative to remove)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>小店桌面</source>
        <translation>Seller Desktop</translation>
    </message>
    <message>
        <source>（演示店铺）</source>
        <translation> (demo shop)</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Listings</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>礼物</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>发货</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <source>店铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>完整同步</source>
        <translation>Full sync</translation>
    </message>
    <message>
        <source>解决冲突…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>%1 个礼物已被收下，请尽快发货</source>
        <translation>%1 gifts were accepted: please ship them soon</translation>
    </message>
    <message>
        <source>查看礼物</source>
        <translation>Show gifts</translation>
    </message>
    <message>
        <source>%1 个礼物未在 24 小时内被收下，已过期</source>
        <translation>%1 gifts were not accepted within 24 hours and expired</translation>
    </message>
    <message>
        <source>礼物已被收下：%1
收件人 %2，请在 %3 前发货</source>
        <translation>Gift accepted: %1
Recipient %2, ship by %3</translation>
    </message>
    <message>
        <source>规定时间</source>
        <translation>the deadline</translation>
    </message>
    <message>
        <source>查看订单</source>
        <translation>Open order</translation>
    </message>
    <message>
        <source>操作失败：%1</source>
        <translation>Action failed: %1</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>选择一个订单查看详情</source>
        <translation>Select an order to see its details</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>发货截止</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>小计</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>收货信息</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>礼物信息</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>送礼人</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>礼物留言</source>
        <translation>Gift note</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>商家备注（仅自己可见）</source>
        <translation>Merchant note (only you see it)</translation>
    </message>
    <message>
        <source>保存备注</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>包裹</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>（有待同步的修改）</source>
        <translation> (changes not synced yet)</translation>
    </message>
    <message>
        <source>%1（%2 件）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message>
        <source>（礼物尚未被收下，收礼人填写地址后显示）</source>
        <translation>(shown once the recipient accepts the gift and fills in an address)</translation>
    </message>
    <message>
        <source>买家留言：%1</source>
        <translation>Buyer note: %1</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>（待同步）</source>
        <translation> (not synced)</translation>
    </message>
    <message>
        <source>尚未发货</source>
        <translation>Not shipped yet</translation>
    </message>
    <message>
        <source>等待收下，剩余 %1</source>
        <translation>Awaiting acceptance, %1 left</translation>
    </message>
    <message>
        <source>已收下于 %1</source>
        <translation>Accepted at %1</translation>
    </message>
    <message>
        <source>未在 24 小时内收下，已过期</source>
        <translation>Not accepted within 24 hours: expired</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>发货截止</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>已超时 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <source>剩 %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>（等待收礼人填写）</source>
        <translation>(waiting for the recipient)</translation>
    </message>
    <message>
        <source>礼物·%1</source>
        <translation>Gift · %1</translation>
    </message>
    <message>
        <source>有待同步的修改</source>
        <translation>Has changes not synced yet</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <source>搜索订单号、商品、收件人、手机尾号、地址、备注（Ctrl+F）</source>
        <translation>Search order no., product, recipient, phone last 4, address, notes (Ctrl+F)</translation>
    </message>
    <message>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <source>礼物待收下</source>
        <translation>Gift awaiting acceptance</translation>
    </message>
    <message>
        <source>部分发货</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <source>待收货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>搜索中…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>%1 个订单</source>
        <translation>%1 orders</translation>
    </message>
    <message>
        <source>前 %1 个订单，仍在搜索…</source>
        <translation>First %1 orders, still searching…</translation>
    </message>
</context>
<context>
    <name>PrintTargetPicker</name>
    <message>
        <source>PDF 文件路径</source>
        <translation>PDF file path</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>打印机：</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <source>微信小店打印组件</source>
        <translation>WeChat Store print component</translation>
    </message>
    <message>
        <source>保存面单 PDF</source>
        <translation>Save labels as PDF</translation>
    </message>
    <message>
        <source>请填写打印组件中的打印机名称</source>
        <translation>Enter the printer name used by the print component</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>编辑商品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>短标题</source>
        <translation>Short title</translation>
    </message>
    <message>
        <source>类目、运费模板和售后服务沿用所选商品</source>
        <translation>Category, freight template and after-sale service are taken from the chosen product</translation>
    </message>
    <message>
        <source>沿用设置</source>
        <translation>Settings from</translation>
    </message>
    <message>
        <source>规格（如 颜色:红 尺码:L）</source>
        <translation>Attributes (e.g. Color:Red Size:L)</translation>
    </message>
    <message>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <source>售价（元）</source>
        <translation>Price (¥)</translation>
    </message>
    <message>
        <source>划线价（元）</source>
        <translation>List price (¥)</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>添加 SKU</source>
        <translation>Add SKU</translation>
    </message>
    <message>
        <source>删除所选 SKU</source>
        <translation>Remove selected SKUs</translation>
    </message>
    <message>
        <source>添加本地图片…</source>
        <translation>Add local images…</translation>
    </message>
    <message>
        <source>移除图片</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKUs</translation>
    </message>
    <message>
        <source>主图</source>
        <translation>Main images</translation>
    </message>
    <message>
        <source>放弃修改？</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>这个商品的修改还没有保存。关闭后，刚才的修改会丢失。</source>
        <translation>Your changes to this product are not saved. If you close the editor, they are lost.</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>选择商品图片</source>
        <translation>Choose product images</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>库存请填写整数</source>
        <translation>Stock must be a whole number</translation>
    </message>
    <message>
        <source>请输入金额，例如 12.50（最多两位小数）</source>
        <translation>Enter an amount such as 12.50 (at most two decimals)</translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>已保存，待同步</source>
        <translation>Saved, waiting to sync</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
</context>
<context>
    <name>SelfShipDialog</name>
    <message>
        <source>自己联系物流发货</source>
        <translation>Ship with my own carrier</translation>
    </message>
    <message>
        <source>输入或扫描快递单号，回车确认</source>
        <translation>Type or scan the tracking number, then press Enter</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>请选择快递公司</source>
        <translation>Please choose a carrier</translation>
    </message>
    <message>
        <source>快递单号应为至少 6 位的字母或数字</source>
        <translation>A tracking number has at least 6 letters or digits</translation>
    </message>
    <message>
        <source>正在发货…</source>
        <translation>Shipping…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>欢迎使用小店桌面</source>
        <translation>Welcome to Seller Desktop</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>使用演示店铺（无需账号，数据只在本机）</source>
        <translation>Use the demo shop (no account; data stays on this computer)</translation>
    </message>
    <message>
        <source>已保存在系统钥匙串中</source>
        <translation>Saved in the system keyring</translation>
    </message>
    <message>
        <source>在微信小店后台「开发设置」中获取</source>
        <translation>Find it under Development settings in the WeChat Store back office</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <source>API 地址</source>
        <translation>API address</translation>
    </message>
    <message>
        <source>自动同步间隔</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>填写微信小店的 AppID 和 AppSecret 连接你的店铺，或者先用演示店铺看看。</source>
        <translation>Enter your WeChat Store AppID and AppSecret to connect your shop, or try the demo shop first.</translation>
    </message>
    <message>
        <source>先用演示店铺</source>
        <translation>Try the demo shop</translation>
    </message>
    <message>
        <source>API 地址须以 https:// 开头</source>
        <translation>The API address must start with https://</translation>
    </message>
    <message>
        <source>请填写 AppID</source>
        <translation>Please enter the AppID</translation>
    </message>
    <message>
        <source>请填写 AppSecret</source>
        <translation>Please enter the AppSecret</translation>
    </message>
</context>
<context>
    <name>Shipping</name>
    <message>
        <source>待取号</source>
        <translation>No waybill yet</translation>
    </message>
    <message>
        <source>取号中</source>
        <translation>Getting a number</translation>
    </message>
    <message>
        <source>待打印</source>
        <translation>To print</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>礼物尚未被收下，收礼人填写地址后才能发货</source>
        <translation>The gift is not accepted yet; it can ship once the recipient fills in an address</translation>
    </message>
    <message>
        <source>订单已取消</source>
        <translation>The order is cancelled</translation>
    </message>
    <message>
        <source>订单尚未付款</source>
        <translation>The order is not paid yet</translation>
    </message>
    <message>
        <source>订单已发货</source>
        <translation>The order has shipped</translation>
    </message>
    <message>
        <source>订单没有收货地址</source>
        <translation>The order has no delivery address</translation>
    </message>
    <message>
        <source>缓存中没有这个订单</source>
        <translation>This order is not in the cache</translation>
    </message>
    <message>
        <source>还没有运单号</source>
        <translation>No waybill number yet</translation>
    </message>
    <message>
        <source>缓存中没有这个面单账号的寄件地址，请联网后重新取号</source>
        <translation>The cache has no sender address for this waybill account; go online and get the number again</translation>
    </message>
    <message>
        <source>未登录店铺或处于离线状态，无法连接微信小店</source>
        <translation>Not signed in to a shop, or offline: WeChat Store cannot be reached</translation>
    </message>
    <message>
        <source>还没有运单号，请先取号</source>
        <translation>No waybill number yet; get one first</translation>
    </message>
    <message>
        <source>面单已打印，如需再打请用补打</source>
        <translation>The label is already printed; use Reprint to print it again</translation>
    </message>
    <message>
        <source>没有可打印的面单</source>
        <translation>No labels to print</translation>
    </message>
    <message>
        <source>面单还没有打印过，不能补打</source>
        <translation>The label was never printed, so it cannot be reprinted</translation>
    </message>
    <message>
        <source>没有可补打的面单</source>
        <translation>No labels to reprint</translation>
    </message>
    <message>
        <source>打印未完成</source>
        <translation>The print did not finish</translation>
    </message>
</context>
<context>
    <name>ShippingModel</name>
    <message>
        <source>订单号</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>件数（实付）</source>
        <translation>Qty (paid)</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>运单号</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>不能发货：</source>
        <translation>Cannot ship: </translation>
    </message>
    <message>
        <source>%1 等%2种</source>
        <translation>%1 and more (%2 kinds)</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ShippingScreen</name>
    <message>
        <source>打印失败：%1。没有订单被标记发货，可以重新打印。</source>
        <translation>Printing failed: %1. No order was marked shipped; you can print again.</translation>
    </message>
    <message>
        <source>已补打 %1 张面单（已记录补打原因）。</source>
        <translation>Reprinted %1 labels (the reason is recorded).</translation>
    </message>
    <message>
        <source>已打印 %1 张面单，%2 个订单已发货。</source>
        <translation>Printed %1 labels; %2 orders shipped.</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>76×130 一联单（快递标准）</source>
        <translation>76×130 one-part (carrier standard)</translation>
    </message>
    <message>
        <source>100×150 热敏标签</source>
        <translation>100×150 thermal label</translation>
    </message>
    <message>
        <source>100×180 热敏标签</source>
        <translation>100×180 thermal label</translation>
    </message>
    <message>
        <source>刷新账号</source>
        <translation>Refresh accounts</translation>
    </message>
    <message>
        <source>面单账号</source>
        <translation>Waybill account</translation>
    </message>
    <message>
        <source>尺寸</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>打印到</source>
        <translation>Print to</translation>
    </message>
    <message>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <source>最近 7 天已打印（补打、取消）</source>
        <translation>Printed in the last 7 days (reprint, cancel)</translation>
    </message>
    <message>
        <source>全选可发货</source>
        <translation>Select all shippable</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Get numbers</translation>
    </message>
    <message>
        <source>打印面单并发货</source>
        <translation>Print labels and ship</translation>
    </message>
    <message>
        <source>选择打印机打印…</source>
        <translation>Print to a printer…</translation>
    </message>
    <message>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>取消面单</source>
        <translation>Cancel waybill</translation>
    </message>
    <message>
        <source>自己联系物流…</source>
        <translation>Own carrier…</translation>
    </message>
    <message>
        <source>拣货单…</source>
        <translation>Pick list…</translation>
    </message>
    <message>
        <source>发货单…</source>
        <translation>Packing slips…</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>%1 个订单的面单最近打印过，可补打</source>
        <translation>Labels of %1 orders were printed recently and can be reprinted</translation>
    </message>
    <message>
        <source>%1 个订单待发货</source>
        <translation>%1 orders to ship</translation>
    </message>
    <message>
        <source>，%1 个礼物待收下（不能发货）</source>
        <translation>, %1 gifts awaiting acceptance (cannot ship yet)</translation>
    </message>
    <message>
        <source>选择一个已取号的订单，这里按实际尺寸预览面单</source>
        <translation>Select an order with a waybill number to preview its label at actual size here</translation>
    </message>
    <message>
        <source>%1：取号后可预览面单</source>
        <translation>%1: get a waybill number to preview the label</translation>
    </message>
    <message>
        <source>请先勾选要发货的订单</source>
        <translation>Tick the orders to ship first</translation>
    </message>
    <message>
        <source>离线：不能取号，可打印已取号的面单</source>
        <translation>Offline: cannot get numbers; labels with numbers can still be printed</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Monthly account</translation>
    </message>
    <message>
        <source>余 %1 张</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>请先选择电子面单账号（联网后点“刷新账号”）</source>
        <translation>Choose a waybill account first (online, click “Refresh accounts”)</translation>
    </message>
    <message>
        <source>正在取号…</source>
        <translation>Getting waybill numbers…</translation>
    </message>
    <message>
        <source>取号成功 %1 单</source>
        <translation>Got numbers for %1 orders</translation>
    </message>
    <message>
        <source>，%1 单失败：</source>
        <translation>, %1 failed: </translation>
    </message>
    <message>
        <source>%1 单仍在排队（网络恢复后自动取号）</source>
        <translation>%1 still queued (numbers are taken when the network is back)</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>请选择一个已打印过面单的订单</source>
        <translation>Select an order whose label was printed</translation>
    </message>
    <message>
        <source>补打面单</source>
        <translation>Reprint label</translation>
    </message>
    <message>
        <source>补打原因</source>
        <translation>Reason for the reprint</translation>
    </message>
    <message>
        <source>面单损坏</source>
        <translation>Label damaged</translation>
    </message>
    <message>
        <source>请选择一个已取号的订单</source>
        <translation>Select an order with a waybill number</translation>
    </message>
    <message>
        <source>取消运单号 %1？取消后单号作废，面单余额退回。</source>
        <translation>Cancel waybill %1? The number becomes void and the waybill credit is returned.</translation>
    </message>
    <message>
        <source>（取号中）</source>
        <translation>(getting number)</translation>
    </message>
    <message>
        <source>面单已取消</source>
        <translation>Waybill cancelled</translation>
    </message>
    <message>
        <source>请选择一个订单</source>
        <translation>Select an order</translation>
    </message>
    <message>
        <source>订单 %1 已发货（%2 %3）</source>
        <translation>Order %1 shipped (%2 %3)</translation>
    </message>
    <message>
        <source>保存拣货单</source>
        <translation>Save pick list</translation>
    </message>
    <message>
        <source>保存发货单</source>
        <translation>Save packing slips</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>已停止，没有生成文件</source>
        <translation>Stopped; no file was made</translation>
    </message>
    <message>
        <source>已生成 %1 页：%2</source>
        <translation>%1 pages written: %2</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>没有连接店铺，无法解决冲突</source>
        <translation>No shop connected: conflicts cannot be resolved</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>立即同步（F5）</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>● 未连接店铺（仅本地）</source>
        <translation>● No shop connected (local only)</translation>
    </message>
    <message>
        <source>● 演示店铺</source>
        <translation>● Demo shop</translation>
    </message>
    <message>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● 离线</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>待同步：%1</source>
        <translation>Not synced: %1</translation>
    </message>
    <message>
        <source>失败：%1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>同步失败</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>冲突：%1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
</context>
</TS>
