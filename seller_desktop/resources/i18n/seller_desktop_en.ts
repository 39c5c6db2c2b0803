<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../app.py" line="46"/>
        <source>缓存文件无法读取</source>
        <translation>The cache cannot be read</translation>
    </message>
    <message>
        <location filename="../../app.py" line="47"/>
        <source>本地缓存文件已损坏或无法读取，小店桌面无法打开它。

%1

可以重建缓存：未同步的修改会先导出到一个文件，然后从微信小店重新下载店铺数据。</source>
        <translation>The local cache file is damaged or unreadable, so Seller Desktop cannot open it.

%1

You can rebuild the cache: unsynced changes are first exported to a file, then the shop is downloaded again from WeChat Store.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="50"/>
        <source>导出未同步的修改并重建</source>
        <translation>Export unsynced changes and rebuild</translation>
    </message>
    <message>
        <location filename="../../app.py" line="51"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../app.py" line="64"/>
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
        <location filename="../../app.py" line="67"/>
        <source>没有未同步的修改。损坏的文件已移到：
%1</source>
        <translation>There were no unsynced changes. The damaged file was moved to:
%1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="69"/>
        <source>无法从损坏的文件中读出未同步的修改。损坏的文件已移到：
%1</source>
        <translation>Unsynced changes could not be read from the damaged file. It was moved to:
%1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="71"/>
        <source>缓存已重建</source>
        <translation>Cache rebuilt</translation>
    </message>
    <message>
        <location filename="../../app.py" line="81"/>
        <source>缓存文件版本过新</source>
        <translation>Cache from a newer version</translation>
    </message>
    <message>
        <location filename="../../app.py" line="82"/>
        <source>这个数据目录由更新版本的小店桌面创建，请升级后再打开。

%1</source>
        <translation>This data folder was created by a newer version of Seller Desktop. Please upgrade to open it.

%1</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="30"/>
        <source>解决冲突</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="42"/>
        <source>这些字段在你修改的同时也在微信小店后台被修改了。请逐个字段选择保留哪一边；一个商品的字段都选好后即会生效并同步。</source>
        <translation>These fields were also changed in the WeChat Store back office while you edited them. Choose which side to keep for each field; once every field of a product has a choice, it takes effect and syncs.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="45"/>
        <source>保留我的</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="46"/>
        <source>采用服务器的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="47"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../ui/models/conflicts.py" line="21"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="22"/>
        <source>短标题</source>
        <translation>Short title</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="23"/>
        <source>主图</source>
        <translation>Main images</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="24"/>
        <source>详情</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="25"/>
        <source>详情图</source>
        <translation>Description images</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="26"/>
        <source>商品编码</source>
        <translation>Product code</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="27"/>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="28"/>
        <source>划线价</source>
        <translation>List price</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="29"/>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="30"/>
        <source>规格</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="31"/>
        <source>SKU 图片</source>
        <translation>SKU image</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="32"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="42"/>
        <source>整个 SKU %1</source>
        <translation>Whole SKU %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="46"/>
        <source>%1（SKU %2）</source>
        <translation>%1 (SKU %2)</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="123"/>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="123"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="124"/>
        <source>我的修改</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="124"/>
        <source>服务器上的</source>
        <translation>Theirs (server)</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="125"/>
        <source>选择</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="146"/>
        <source>保留我的</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="148"/>
        <source>采用服务器的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../ui/models/conflicts.py" line="149"/>
        <source>未选择</source>
        <translation>Not chosen</translation>
    </message>
</context>
<context>
    <name>GiftsModel</name>
    <message>
        <location filename="../../ui/models/gifts.py" line="62"/>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="63"/>
        <source>收下已过</source>
        <translation>Since accepted</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="64"/>
        <source>过期时间</source>
        <translation>Expired at</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="65"/>
        <source>礼物</source>
        <translation>Gift</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="65"/>
        <source>送礼人</source>
        <translation>Giver</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="66"/>
        <source>礼物留言</source>
        <translation>Gift note</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="66"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="67"/>
        <source>收礼人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="67"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="77"/>
        <source>即将过期</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="102"/>
        <source>等待收下</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/models/gifts.py" line="104"/>
        <source>未收下，已退款</source>
        <translation>Not accepted, refunded</translation>
    </message>
</context>
<context>
    <name>GiftsScreen</name>
    <message>
        <location filename="../../ui/screens/gifts.py" line="62"/>
        <source>礼物需收礼人在 24 小时内填写地址并收下；收下后即变为待发货订单。双击一行查看订单。</source>
        <translation>A gift must be accepted by its recipient (who fills in an address) within 24 hours; then it becomes an order to ship. Double-click a row to open the order.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/gifts.py" line="72"/>
        <source>等待收下（%1）</source>
        <translation>Awaiting acceptance (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/gifts.py" line="73"/>
        <source>已收下，待发货（%1）</source>
        <translation>Accepted, to ship (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/gifts.py" line="74"/>
        <source>已过期（%1）</source>
        <translation>Expired (%1)</translation>
    </message>
</context>
<context>
    <name>Issues</name>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>请填写商品标题</source>
        <translation>Please enter a title</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>标题至少 %1 个字（现在 %2 个）</source>
        <translation>The title needs at least %1 characters (now %2)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>标题最多 %1 个字（现在 %2 个）</source>
        <translation>The title can have at most %1 characters (now %2)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142"/>
        <source>标题不能只有数字、字母或符号，请包含中文</source>
        <translation>The title cannot be only digits, letters or symbols: include Chinese</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>短标题最多 %1 个字</source>
        <translation>The short title can have at most %1 characters</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>主图最多 %1 张</source>
        <translation>At most %1 main images</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>主图至少 %1 张（现在 %2 张）</source>
        <translation>At least %1 main images (now %2)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="146"/>
        <source>主图不能重复</source>
        <translation>Main images must be different</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>请选择商品类目（可沿用已有商品的类目和设置）</source>
        <translation>Choose a category (you can reuse an existing product&apos;s category and settings)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>快递发货的商品需要运费模板</source>
        <translation>A product shipped by express needs a freight template</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>请设置售后服务（七天无理由退货、运费险）</source>
        <translation>Set the after-sale service (7-day returns, shipping insurance)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>SKU 数量须在 %1–%2 个之间</source>
        <translation>A product needs %1–%2 SKUs</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>售价必须大于 %1 元</source>
        <translation>The price must be more than ¥%1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>售价不能超过 %1 万元</source>
        <translation>The price cannot exceed ¥%1 0000</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>划线价必须高于售价</source>
        <translation>The list price must be higher than the price</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="154"/>
        <source>库存不能为负数</source>
        <translation>Stock cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="155"/>
        <source>库存不能超过 %1 万</source>
        <translation>Stock cannot exceed %1 0000</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>SKU 编码不能超过 %1 个字符</source>
        <translation>The SKU code can have at most %1 characters</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>规格名和规格值都不能为空</source>
        <translation>Attribute names and values cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>规格名和规格值不能超过 %1 个字符</source>
        <translation>Attribute names and values can have at most %1 characters</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159"/>
        <source>两个 SKU 的规格完全相同</source>
        <translation>Two SKUs have exactly the same attributes</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160"/>
        <source>商品正在审核中，请先撤回审核再修改</source>
        <translation>The product is in review: withdraw the review before editing</translation>
    </message>
</context>
<context>
    <name>LabelPreview</name>
    <message>
        <location filename="../../ui/screens/shipping_preview.py" line="43"/>
        <source>选择一个已取号的订单，这里按实际尺寸预览面单</source>
        <translation>Select an order with a waybill number to preview its label at actual size here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping_preview.py" line="60"/>
        <source>%1 × %2 mm，实际尺寸（屏幕 %3 dpi）</source>
        <translation>%1 × %2 mm, actual size (screen %3 dpi)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>未上架</source>
        <translation>Not listed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>在售</source>
        <translation>On sale</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>回收站</source>
        <translation>In recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>已下架</source>
        <translation>Delisted</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>已售罄</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>违规下架</source>
        <translation>Removed (violation)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>保证金不足</source>
        <translation>Deposit too low</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>资质过期</source>
        <translation>Qualification expired</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>封禁</source>
        <translation>Banned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>编辑中</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>审核未通过</source>
        <translation>Review failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>提交中</source>
        <translation>Submitting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>上传中</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>上传失败</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>待付款</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>礼物待收下</source>
        <translation>Gift awaiting acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>拼团中</source>
        <translation>Group buy forming</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>待核销</source>
        <translation>Awaiting redemption</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>部分发货</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>待收货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>已取消（超卖）</source>
        <translation>Cancelled (oversold)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>已取消（售后）</source>
        <translation>Cancelled (after-sale)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>微信好友</source>
        <translation>WeChat chat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>微信群</source>
        <translation>WeChat group</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>公众号</source>
        <translation>Official Account</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>视频号</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>企业微信好友</source>
        <translation>WeCom chat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>企业微信群</source>
        <translation>WeCom group</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>小程序</source>
        <translation>Mini Program</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>未知状态（%1）</source>
        <translation>Unknown status (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>%1天%2小时</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>%1小时%2分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="103"/>
        <source>%1分%2秒</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110"/>
        <source>上传修改</source>
        <translation>Uploading changes</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>获取商品列表</source>
        <translation>Listing products</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>下载商品</source>
        <translation>Downloading products</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>获取订单列表</source>
        <translation>Listing orders</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="114"/>
        <source>下载订单</source>
        <translation>Downloading orders</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>%1小时%2分%3秒</source>
        <translation>%1:%2:%3</translation>
    </message>
</context>
<context>
    <name>ListingsScreen</name>
    <message>
        <location filename="../../ui/screens/listings.py" line="57"/>
        <source>搜索标题、SKU 编码（Ctrl+F）</source>
        <translation>Search titles, SKU codes (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="60"/>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="61"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="62"/>
        <source>上架</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="63"/>
        <source>下架</source>
        <translation>Delist</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="64"/>
        <location filename="../../ui/screens/listings.py" line="274"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="65"/>
        <source>批量改价…</source>
        <translation>Change prices…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="66"/>
        <source>批量改库存…</source>
        <translation>Change stock…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="89"/>
        <location filename="../../ui/screens/listings.py" line="219"/>
        <source>选择一个商品查看 SKU</source>
        <translation>Select a product to see its SKUs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="92"/>
        <source>规格</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="92"/>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="93"/>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="93"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="100"/>
        <source>减库存</source>
        <translation>Stock −</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="101"/>
        <source>加库存</source>
        <translation>Stock +</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="103"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="151"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="151"/>
        <source>在售</source>
        <translation>On sale</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="151"/>
        <source>未上架/已下架</source>
        <translation>Not listed / delisted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="151"/>
        <source>已售罄</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="152"/>
        <source>审核中/未通过</source>
        <translation>In review / failed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="152"/>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="152"/>
        <source>有冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="182"/>
        <source>共 %1 个商品</source>
        <translation>%1 products</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="231"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="270"/>
        <source>删除商品</source>
        <translation>Delete products</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="271"/>
        <source>删除所选的 %1 个商品？删除后买家将看不到它们。</source>
        <translation>Delete the %1 selected products? Buyers will no longer see them.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="275"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="284"/>
        <source>批量改价</source>
        <translation>Change prices</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="285"/>
        <source>所选 %1 个商品的所有 SKU 价格调整（%，如 -10 表示降价 10%）</source>
        <translation>Change every SKU price of the %1 selected products by a percentage (e.g. -10 lowers prices by 10%)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="299"/>
        <source>批量改库存</source>
        <translation>Change stock</translation>
    </message>
    <message>
        <location filename="../../ui/screens/listings.py" line="300"/>
        <source>所选 %1 个商品的每个 SKU 库存增减（负数为减少）</source>
        <translation>Add to the stock of every SKU of the %1 selected products (negative to remove)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>小店桌面</source>
        <translation>Seller Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>（演示店铺）</source>
        <translation> (demo shop)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>商品</source>
        <translation>Listings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>礼物</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>发货</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>店铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>完整同步</source>
        <translation>Full sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>解决冲突…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>%1 个礼物已被收下，请尽快发货</source>
        <translation>%1 gifts were accepted: please ship them soon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>查看礼物</source>
        <translation>Show gifts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>%1 个礼物未在 24 小时内被收下，已过期</source>
        <translation>%1 gifts were not accepted within 24 hours and expired</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>礼物已被收下：%1
收件人 %2，请在 %3 前发货</source>
        <translation>Gift accepted: %1
Recipient %2, ship by %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>规定时间</source>
        <translation>the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>查看订单</source>
        <translation>Open order</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>操作失败：%1</source>
        <translation>Action failed: %1</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="58"/>
        <location filename="../../ui/widgets/order_detail.py" line="149"/>
        <source>选择一个订单查看详情</source>
        <translation>Select an order to see its details</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="67"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="68"/>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="69"/>
        <source>发货截止</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="70"/>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="74"/>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="74"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="74"/>
        <source>小计</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="85"/>
        <source>收货信息</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="89"/>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="90"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="93"/>
        <source>礼物信息</source>
        <translation>Gift</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="99"/>
        <source>送礼人</source>
        <translation>Giver</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="100"/>
        <source>礼物留言</source>
        <translation>Gift note</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="101"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="102"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="105"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="110"/>
        <source>商家备注（仅自己可见）</source>
        <translation>Merchant note (only you see it)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="112"/>
        <source>保存备注</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="120"/>
        <source>包裹</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="160"/>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="163"/>
        <source>（有待同步的修改）</source>
        <translation> (changes not synced yet)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="167"/>
        <source>%1（%2 件）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="175"/>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="184"/>
        <source>（礼物尚未被收下，收礼人填写地址后显示）</source>
        <translation>(shown once the recipient accepts the gift and fills in an address)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="188"/>
        <source>买家留言：%1</source>
        <translation>Buyer note: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="189"/>
        <location filename="../../ui/widgets/order_detail.py" line="207"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="198"/>
        <source>（待同步）</source>
        <translation> (not synced)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="199"/>
        <source>尚未发货</source>
        <translation>Not shipped yet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="211"/>
        <source>等待收下，剩余 %1</source>
        <translation>Awaiting acceptance, %1 left</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="215"/>
        <source>已收下于 %1</source>
        <translation>Accepted at %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="218"/>
        <source>未在 24 小时内收下，已过期</source>
        <translation>Not accepted within 24 hours: expired</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../ui/models/orders.py" line="53"/>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="53"/>
        <source>商品</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="53"/>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="54"/>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="54"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="55"/>
        <source>发货截止</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="55"/>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="81"/>
        <source>已超时 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="83"/>
        <source>剩 %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="88"/>
        <source>（等待收礼人填写）</source>
        <translation>(waiting for the recipient)</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="93"/>
        <source>礼物·%1</source>
        <translation>Gift · %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders.py" line="109"/>
        <source>有待同步的修改</source>
        <translation>Has changes not synced yet</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../../ui/screens/orders.py" line="57"/>
        <source>搜索订单号、商品、收件人、手机尾号、地址、备注（Ctrl+F）</source>
        <translation>Search order no., product, recipient, phone last 4, address, notes (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="45"/>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="46"/>
        <source>礼物待收下</source>
        <translation>Gift awaiting acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="47"/>
        <source>部分发货</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="48"/>
        <source>待收货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="49"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="50"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="50"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="155"/>
        <source>搜索中…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/orders.py" line="191"/>
        <location filename="../../ui/screens/orders.py" line="213"/>
        <source>%1 个订单</source>
        <translation>%1 orders</translation>
    </message>
</context>
<context>
    <name>PrintTargetPicker</name>
    <message>
        <location filename="../../ui/screens/shipping_target.py" line="29"/>
        <source>PDF 文件路径</source>
        <translation>PDF file path</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping_target.py" line="31"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping_target.py" line="51"/>
        <source>打印机：</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping_target.py" line="52"/>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping_target.py" line="53"/>
        <source>微信小店打印组件</source>
        <translation>WeChat Store print component</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping_target.py" line="71"/>
        <location filename="../../ui/screens/shipping_target.py" line="80"/>
        <source>保存面单 PDF</source>
        <translation>Save labels as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping_target.py" line="96"/>
        <source>请填写打印组件中的打印机名称</source>
        <translation>Enter the printer name used by the print component</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="75"/>
        <source>编辑商品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="75"/>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="84"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="86"/>
        <source>短标题</source>
        <translation>Short title</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="93"/>
        <source>类目、运费模板和售后服务沿用所选商品</source>
        <translation>Category, freight template and after-sale service are taken from the chosen product</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="96"/>
        <source>沿用设置</source>
        <translation>Settings from</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="99"/>
        <source>规格（如 颜色:红 尺码:L）</source>
        <translation>Attributes (e.g. Color:Red Size:L)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="100"/>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="100"/>
        <source>售价（元）</source>
        <translation>Price (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="101"/>
        <source>划线价（元）</source>
        <translation>List price (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="101"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="105"/>
        <source>添加 SKU</source>
        <translation>Add SKU</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="106"/>
        <source>删除所选 SKU</source>
        <translation>Remove selected SKUs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="120"/>
        <source>添加本地图片…</source>
        <translation>Add local images…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="121"/>
        <source>移除图片</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="131"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="132"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="137"/>
        <source>SKU</source>
        <translation>SKUs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="141"/>
        <source>主图</source>
        <translation>Main images</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="183"/>
        <source>放弃修改？</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="184"/>
        <source>这个商品的修改还没有保存。关闭后，刚才的修改会丢失。</source>
        <translation>Your changes to this product are not saved. If you close the editor, they are lost.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="187"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="188"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="242"/>
        <source>选择商品图片</source>
        <translation>Choose product images</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="243"/>
        <source>图片 (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="292"/>
        <source>库存请填写整数</source>
        <translation>Stock must be a whole number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="314"/>
        <source>请输入金额，例如 12.50（最多两位小数）</source>
        <translation>Enter an amount such as 12.50 (at most two decimals)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="354"/>
        <source>第 %1 行：</source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="376"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="389"/>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/product_editor.py" line="392"/>
        <source>已保存，待同步</source>
        <translation>Saved, waiting to sync</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../../ui/models/products.py" line="52"/>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/models/products.py" line="53"/>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/models/products.py" line="54"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/models/products.py" line="55"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/products.py" line="56"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/models/products.py" line="57"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/models/products.py" line="77"/>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/models/products.py" line="79"/>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
</context>
<context>
    <name>SelfShipDialog</name>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="30"/>
        <source>自己联系物流发货</source>
        <translation>Ship with my own carrier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="36"/>
        <source>输入或扫描快递单号，回车确认</source>
        <translation>Type or scan the tracking number, then press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="45"/>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="46"/>
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="47"/>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="55"/>
        <source>请选择快递公司</source>
        <translation>Please choose a carrier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="58"/>
        <source>快递单号应为至少 6 位的字母或数字</source>
        <translation>A tracking number has at least 6 letters or digits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shipping_self.py" line="62"/>
        <source>正在发货…</source>
        <translation>Shipping…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="42"/>
        <source>欢迎使用小店桌面</source>
        <translation>Welcome to Seller Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="42"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="44"/>
        <source>使用演示店铺（无需账号，数据只在本机）</source>
        <translation>Use the demo shop (no account; data stays on this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="100"/>
        <source>已保存在系统钥匙串中</source>
        <translation>Saved in the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="48"/>
        <source>在微信小店后台「开发设置」中获取</source>
        <translation>Find it under Development settings in the WeChat Store back office</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="56"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="70"/>
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="71"/>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="72"/>
        <source>API 地址</source>
        <translation>API address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="73"/>
        <source>自动同步间隔</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="74"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="77"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="78"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="81"/>
        <source>填写微信小店的 AppID 和 AppSecret 连接你的店铺，或者先用演示店铺看看。</source>
        <translation>Enter your WeChat Store AppID and AppSecret to connect your shop, or try the demo shop first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="85"/>
        <source>先用演示店铺</source>
        <translation>Try the demo shop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="122"/>
        <source>API 地址须以 https:// 开头</source>
        <translation>The API address must start with https://</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="128"/>
        <source>请填写 AppID</source>
        <translation>Please enter the AppID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="139"/>
        <source>请填写 AppSecret</source>
        <translation>Please enter the AppSecret</translation>
    </message>
</context>
<context>
    <name>Shipping</name>
    <message>
        <location filename="../../ui/labels.py" line="181"/>
        <source>待取号</source>
        <translation>No waybill yet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="182"/>
        <source>取号中</source>
        <translation>Getting a number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="183"/>
        <source>待打印</source>
        <translation>To print</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="184"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="185"/>
        <source>礼物尚未被收下，收礼人填写地址后才能发货</source>
        <translation>The gift is not accepted yet; it can ship once the recipient fills in an address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="186"/>
        <source>订单已取消</source>
        <translation>The order is cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="187"/>
        <source>订单尚未付款</source>
        <translation>The order is not paid yet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="188"/>
        <source>订单已发货</source>
        <translation>The order has shipped</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>订单没有收货地址</source>
        <translation>The order has no delivery address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="190"/>
        <source>缓存中没有这个订单</source>
        <translation>This order is not in the cache</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="191"/>
        <source>还没有运单号</source>
        <translation>No waybill number yet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="192"/>
        <source>缓存中没有这个面单账号的寄件地址，请联网后重新取号</source>
        <translation>The cache has no sender address for this waybill account; go online and get the number again</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="193"/>
        <source>未登录店铺或处于离线状态，无法连接微信小店</source>
        <translation>Not signed in to a shop, or offline: WeChat Store cannot be reached</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="194"/>
        <source>还没有运单号，请先取号</source>
        <translation>No waybill number yet; get one first</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="195"/>
        <source>面单已打印，如需再打请用补打</source>
        <translation>The label is already printed; use Reprint to print it again</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="196"/>
        <source>没有可打印的面单</source>
        <translation>No labels to print</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="197"/>
        <source>面单还没有打印过，不能补打</source>
        <translation>The label was never printed, so it cannot be reprinted</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="198"/>
        <source>没有可补打的面单</source>
        <translation>No labels to reprint</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="199"/>
        <source>打印未完成</source>
        <translation>The print did not finish</translation>
    </message>
</context>
<context>
    <name>ShippingModel</name>
    <message>
        <location filename="../../ui/models/shipping.py" line="30"/>
        <source>订单号</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="30"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="31"/>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="31"/>
        <source>商品</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="32"/>
        <source>件数（实付）</source>
        <translation>Qty (paid)</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="32"/>
        <source>快递</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="33"/>
        <source>运单号</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="33"/>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="163"/>
        <source>不能发货：</source>
        <translation>Cannot ship: </translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="183"/>
        <source>%1 等%2种</source>
        <translation>%1 and more (%2 kinds)</translation>
    </message>
    <message>
        <location filename="../../ui/models/shipping.py" line="187"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ShippingScreen</name>
    <message>
        <location filename="../../ui/screens/shipping.py" line="69"/>
        <source>打印失败：%1。没有订单被标记发货，可以重新打印。</source>
        <translation>Printing failed: %1. No order was marked shipped; you can print again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="73"/>
        <source>已补打 %1 张面单（已记录补打原因）。</source>
        <translation>Reprinted %1 labels (the reason is recorded).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="77"/>
        <source>已打印 %1 张面单，%2 个订单已发货。</source>
        <translation>Printed %1 labels; %2 orders shipped.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="79"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="90"/>
        <source>76×130 一联单（快递标准）</source>
        <translation>76×130 one-part (carrier standard)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="91"/>
        <source>100×150 热敏标签</source>
        <translation>100×150 thermal label</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="92"/>
        <source>100×180 热敏标签</source>
        <translation>100×180 thermal label</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="123"/>
        <source>刷新账号</source>
        <translation>Refresh accounts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="131"/>
        <source>面单账号</source>
        <translation>Waybill account</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="132"/>
        <source>尺寸</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="132"/>
        <source>打印到</source>
        <translation>Print to</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="155"/>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="156"/>
        <source>最近 7 天已打印（补打、取消）</source>
        <translation>Printed in the last 7 days (reprint, cancel)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="158"/>
        <source>全选可发货</source>
        <translation>Select all shippable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="160"/>
        <source>取号</source>
        <translation>Get numbers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="162"/>
        <source>打印面单并发货</source>
        <translation>Print labels and ship</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="165"/>
        <source>选择打印机打印…</source>
        <translation>Print to a printer…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="167"/>
        <location filename="../../ui/screens/shipping.py" line="434"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="169"/>
        <location filename="../../ui/screens/shipping.py" line="442"/>
        <source>取消面单</source>
        <translation>Cancel waybill</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="171"/>
        <source>自己联系物流…</source>
        <translation>Own carrier…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="173"/>
        <source>拣货单…</source>
        <translation>Pick list…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="175"/>
        <source>发货单…</source>
        <translation>Packing slips…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="189"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="223"/>
        <source>%1 个订单的面单最近打印过，可补打</source>
        <translation>Labels of %1 orders were printed recently and can be reprinted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="231"/>
        <source>%1 个订单待发货</source>
        <translation>%1 orders to ship</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="232"/>
        <source>，%1 个礼物待收下（不能发货）</source>
        <translation>, %1 gifts awaiting acceptance (cannot ship yet)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="236"/>
        <source>选择一个已取号的订单，这里按实际尺寸预览面单</source>
        <translation>Select an order with a waybill number to preview its label at actual size here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="271"/>
        <source>%1：取号后可预览面单</source>
        <translation>%1: get a waybill number to preview the label</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="307"/>
        <source>请先勾选要发货的订单</source>
        <translation>Tick the orders to ship first</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="313"/>
        <source>离线：不能取号，可打印已取号的面单</source>
        <translation>Offline: cannot get numbers; labels with numbers can still be printed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="321"/>
        <source>月结</source>
        <translation>Monthly account</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="323"/>
        <source>余 %1 张</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="340"/>
        <source>请先选择电子面单账号（联网后点“刷新账号”）</source>
        <translation>Choose a waybill account first (online, click “Refresh accounts”)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="345"/>
        <source>正在取号…</source>
        <translation>Getting waybill numbers…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="348"/>
        <source>取号成功 %1 单</source>
        <translation>Got numbers for %1 orders</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="351"/>
        <source>，%1 单失败：</source>
        <translation>, %1 failed: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="354"/>
        <source>%1 单仍在排队（网络恢复后自动取号）</source>
        <translation>%1 still queued (numbers are taken when the network is back)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="397"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="424"/>
        <source>请选择一个已打印过面单的订单</source>
        <translation>Select an order whose label was printed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="426"/>
        <source>补打面单</source>
        <translation>Reprint label</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="426"/>
        <source>补打原因</source>
        <translation>Reason for the reprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="427"/>
        <source>面单损坏</source>
        <translation>Label damaged</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="439"/>
        <source>请选择一个已取号的订单</source>
        <translation>Select an order with a waybill number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="443"/>
        <source>取消运单号 %1？取消后单号作废，面单余额退回。</source>
        <translation>Cancel waybill %1? The number becomes void and the waybill credit is returned.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="444"/>
        <source>（取号中）</source>
        <translation>(getting number)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="450"/>
        <source>面单已取消</source>
        <translation>Waybill cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="456"/>
        <source>请选择一个订单</source>
        <translation>Select an order</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="473"/>
        <source>订单 %1 已发货（%2 %3）</source>
        <translation>Order %1 shipped (%2 %3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="480"/>
        <source>保存拣货单</source>
        <translation>Save pick list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="480"/>
        <source>保存发货单</source>
        <translation>Save packing slips</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="495"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="508"/>
        <source>已停止，没有生成文件</source>
        <translation>Stopped; no file was made</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shipping.py" line="512"/>
        <source>已生成 %1 页：%2</source>
        <translation>%1 pages written: %2</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_controller.py" line="105"/>
        <source>没有连接店铺，无法解决冲突</source>
        <translation>No shop connected: conflicts cannot be resolved</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="41"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="42"/>
        <source>立即同步（F5）</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="64"/>
        <source>● 未连接店铺（仅本地）</source>
        <translation>● No shop connected (local only)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="67"/>
        <source>● 演示店铺</source>
        <translation>● Demo shop</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="67"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="70"/>
        <source>● 离线</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="73"/>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="74"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="76"/>
        <source>待同步：%1</source>
        <translation>Not synced: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="79"/>
        <source>失败：%1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="82"/>
        <source>同步失败</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="85"/>
        <source>冲突：%1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="91"/>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
</context>
</TS>
